package dev.showdown.logparse;

import dev.showdown.kit.Digits;

import java.util.Locale;

/** Byte counts as people write them: plain bytes or with a binary suffix, {@code 512k}, {@code 64m}, {@code 1g}. */
final class ByteSizes {
  private ByteSizes() {
  }

  static long parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    int shift = value.endsWith("k") ? 10 : value.endsWith("m") ? 20 : value.endsWith("g") ? 30 : 0;
    String digits = shift == 0 ? value : value.substring(0, value.length() - 1);
    long number = Digits.parseBounded(digits, Long.MAX_VALUE >> shift);
    if (number == Digits.INVALID) {
      throw new IllegalArgumentException("'" + text + "' is not a size such as 1048576, 512k, 64m or 1g");
    }
    return number << shift;
  }
}
