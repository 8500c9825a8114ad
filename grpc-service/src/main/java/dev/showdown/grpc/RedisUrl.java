package dev.showdown.grpc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Checks a {@code --redis} URL up front and hides its password wherever it is printed. The data-service has
 * the same need ({@code RedisUrls}); this belongs in the service kit once both can share it.
 */
final class RedisUrl {
  /** The shape the Vert.x client accepts: {@code [user]:password@} may come before the host, or {@code ?password=}. */
  static final String SHAPE = "redis://[user:password@]host[:port][/db]";

  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&#]*");
  private static final Pattern DB_PATH = Pattern.compile("/?|/\\d{1,5}");

  private RedisUrl() {
  }

  /** Rejects what the client would only fail on later with an obscure message; returns the URL. */
  static String check(String url) {
    try {
      URI uri = new URI(url);
      boolean scheme = "redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme());
      if (scheme && uri.getHost() != null && (uri.getPath() == null || DB_PATH.matcher(uri.getPath()).matches())) {
        return url;
      }
    } catch (URISyntaxException e) {
      // Reported below, without the parser's message: it quotes the input, password and all.
    }
    throw new IllegalArgumentException("--redis must look like " + SHAPE + ", not '" + masked(url) + "'");
  }

  /**
   * The URL with every password replaced by {@code ***}: the part of the user info after its first colon
   * ({@code redis://:***@host:6379}, {@code redis://app:***@host}), and a {@code password} query parameter.
   * A user name stays. Works on malformed URLs too, so that an error message may quote them.
   */
  static String masked(String url) {
    int authority = url.indexOf("://");
    authority = authority < 0 ? 0 : authority + 3;
    int at = url.lastIndexOf('@');
    String masked = url;
    if (at >= authority) {
      int colon = url.indexOf(':', authority);
      if (colon >= 0 && colon < at) {
        masked = url.substring(0, colon + 1) + "***" + url.substring(at);
      }
    }
    return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1***");
  }
}
