package dev.showdown.bench.result;

import dev.showdown.kit.SecretUrls;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the credentials of every URL in a text, so a {@code --redis redis://:secret@host:6379} never reaches the
 * terminal, a log or a report: {@code redis://:***@host:6379}. The bench's part is finding the URLs in a line of
 * text; each one's user info is masked by the services' own rule, {@link SecretUrls#masked}.
 */
public final class Credentials {
  /** Scheme, then user info up to the last {@code @} before the authority ends (a password may hold an {@code @}). */
  private static final Pattern USER_INFO = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/?#\\s]*@");

  private Credentials() {
  }

  /** {@code text} with the password (or bare user info) of each URL in it replaced by {@code ***}. */
  public static String mask(String text) {
    if (text == null || !text.contains("@")) {
      return text;
    }
    Matcher m = USER_INFO.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(SecretUrls.masked(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }
}
