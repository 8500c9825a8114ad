package dev.showdown.kit;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Checks a Redis URL before anything connects, and gives the form that may be printed: a password, whether in the
 * user info or the {@code password} query parameter, is replaced by {@code ***}. {@link Converter} does both for a
 * picocli flag.
 */
public final class RedisUrls {
  private static final String MASK = "***";
  /** In any case and wherever it stands: a URL quoted in an error may be malformed, and masking too much is harmless. */
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&]*");

  private RedisUrls() {
  }

  /** The URL if vertx-redis-client can connect with it; otherwise why not, with the URL masked. */
  public static String check(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      boolean tcp = ("redis".equals(scheme) || "rediss".equals(scheme)) && uri.getHost() != null
          && (uri.getPath().isEmpty() || uri.getPath().matches("/\\d{0,9}"));
      boolean unix = "unix".equals(scheme) && uri.getPath() != null && !uri.getPath().isEmpty();
      if (tcp || unix) {
        return url;
      }
    } catch (URISyntaxException e) {
      // Reported below with the shape expected.
    }
    throw new IllegalArgumentException("expected redis://[[user]:password@]host[:port][/db], rediss://... "
        + "or unix:///path, got '" + masked(url) + "'");
  }

  /**
   * {@code redis://:***@host:port}: the URL as it may appear in a log line or an error. Malformed ones too, such as
   * {@code redis//:password@host}, since an error quotes what it refuses.
   */
  public static String masked(String url) {
    return PASSWORD_PARAMETER.matcher(maskUserInfoPassword(url)).replaceAll("$1" + MASK);
  }

  private static String maskUserInfoPassword(String url) {
    int authority = url.indexOf("://");
    // Without "://" the user info may start anywhere: from the first character, then.
    int start = authority < 0 ? 0 : authority + 3;
    // The last '@' anywhere: a password may hold '@', '/' or '?' unencoded, and masking too much is harmless.
    int at = url.lastIndexOf('@');
    if (at < start) {
      return url;
    }
    int colon = url.indexOf(':', start);
    String user = colon >= 0 && colon < at ? url.substring(start, colon) : "";
    return url.substring(0, start) + user + ":" + MASK + url.substring(at);
  }

  /**
   * A Redis URL flag: refused on one line that shows it masked; blank (an empty environment variable) means none,
   * {@code null}.
   */
  public static final class Converter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.isBlank()) {
        return null;
      }
      try {
        return check(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
