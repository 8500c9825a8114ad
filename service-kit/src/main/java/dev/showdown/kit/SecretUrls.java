package dev.showdown.kit;

import java.util.regex.Pattern;

/**
 * URLs as they may appear in a log line or an error: a password, whether in the user info or a {@code password}
 * query parameter, is replaced by {@code ***}; the rest stays, so the reader still sees where it points.
 */
public final class SecretUrls {
  private static final String MASK = "***";
  /** In any case and wherever it stands: a URL quoted in an error may be malformed, and masking too much is harmless. */
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&]*");

  private SecretUrls() {
  }

  /**
   * {@code scheme://user:***@host...}. User info without a colon is masked whole ({@code scheme://:***@host}): Redis
   * reads {@code redis://secret@host} as a password. Malformed URLs too, such as {@code redis//:password@host},
   * since an error quotes what it refuses.
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
}
