package dev.showdown.kit;

/**
 * Strict parsing of path parameters such as {@code /fib/{n}} and {@code /user/{id}}: plain ASCII decimal
 * digits only (no sign, blank, underscore, or non-ASCII digit that {@link Long#parseLong} would accept).
 */
public final class Digits {
  /** Returned when the text is not plain digits or the value exceeds the bound. */
  public static final long INVALID = -1;

  private Digits() {
  }

  /** The value of {@code text} if it is 1..19 decimal digits with a value in 0..max, else {@link #INVALID}. */
  public static long parseBounded(CharSequence text, long max) {
    int length = text.length();
    if (length == 0 || length > 19) {
      return INVALID;
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return INVALID;
      }
      if (value > (max - digit) / 10) {
        return INVALID;
      }
      value = value * 10 + digit;
    }
    return value;
  }
}
