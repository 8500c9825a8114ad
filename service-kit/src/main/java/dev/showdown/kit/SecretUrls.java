package dev.showdown.kit;

/**
 * URLs as they may appear in a log line or an error: a password, whether in the user info or a {@code password}
 * query parameter, is replaced by {@code ***}; the rest stays, so the reader still sees where it points.
 */
public final class SecretUrls {
  private static final String MASK = "***";
  private static final String PASSWORD_PARAMETER = "password=";

  private SecretUrls() {
  }

  /**
   * {@code scheme://user:***@host...}. User info without a colon is masked whole ({@code scheme://:***@host}): Redis
   * reads {@code redis://secret@host} as a password.
   */
  public static String masked(String url) {
    return maskQueryPassword(maskUserInfoPassword(url));
  }

  private static String maskUserInfoPassword(String url) {
    int authority = url.indexOf("://");
    int start = authority + 3;
    // The last '@' anywhere: a password may hold '@', '/' or '?' unencoded, and masking too much is harmless.
    int at = url.lastIndexOf('@');
    if (authority < 0 || at < start) {
      return url;
    }
    int colon = url.indexOf(':', start);
    String user = colon >= 0 && colon < at ? url.substring(start, colon) : "";
    return url.substring(0, start) + user + ":" + MASK + url.substring(at);
  }

  private static String maskQueryPassword(String url) {
    int query = url.indexOf('?');
    if (query < 0) {
      return url;
    }
    StringBuilder masked = new StringBuilder(url.substring(0, query + 1));
    String[] parameters = url.substring(query + 1).split("&", -1);
    for (int i = 0; i < parameters.length; i++) {
      masked.append(i == 0 ? "" : "&")
          .append(parameters[i].startsWith(PASSWORD_PARAMETER) ? PASSWORD_PARAMETER + MASK : parameters[i]);
    }
    return masked.toString();
  }
}
