package dev.showdown.data;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks {@code --redis} URLs up front. */
final class RedisUrls {
  private RedisUrls() {
  }

  static String check(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (("redis".equals(scheme) || "rediss".equals(scheme)) && uri.getHost() != null
          || "unix".equals(scheme) && uri.getPath() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // Reported below with the expected shape.
    }
    throw new IllegalArgumentException(
        "expected redis://[:password@]host[:port][/db], rediss://... or unix:///path, got '" + Urls.redact(url) + "'");
  }
}
