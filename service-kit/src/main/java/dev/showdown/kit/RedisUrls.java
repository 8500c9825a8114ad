package dev.showdown.kit;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks a Redis URL before anything connects, and gives the form that may be printed ({@link SecretUrls}: a
 * password, whether in the user info or the {@code password} query parameter, is replaced by {@code ***}).
 * {@link Converter} does both for a picocli flag.
 */
public final class RedisUrls {
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

  /** {@code redis://:***@host:port}: the URL as it may appear in a log line or an error ({@link SecretUrls#masked}). */
  public static String masked(String url) {
    return SecretUrls.masked(url);
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
