package dev.showdown.bench.result;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the credentials of every URL in a text, so a {@code --redis redis://:secret@host:6379} never reaches the
 * terminal, a log or a report: {@code redis://:***@host:6379}. A user name is kept (it tells Redis ACL users
 * apart); a bare user info without a colon may be a token, so it is hidden whole.
 */
public final class Credentials {
  /** Scheme, then user info up to the last {@code @} before the authority ends (a password may hold an {@code @}). */
  private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#\\s]*)@");
  public static final String HIDDEN = "***";

  private Credentials() {
  }

  /** {@code text} with the password (or bare user info) of each URL in it replaced by {@value #HIDDEN}. */
  public static String mask(String text) {
    if (text == null || !text.contains("@")) {
      return text;
    }
    Matcher m = USER_INFO.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String userInfo = m.group(2);
      int colon = userInfo.indexOf(':');
      String kept = userInfo.isEmpty() ? "" : colon < 0 ? HIDDEN : userInfo.substring(0, colon + 1) + HIDDEN;
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + kept + "@"));
    }
    m.appendTail(out);
    return out.toString();
  }
}
