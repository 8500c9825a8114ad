package dev.showdown.logparse;

import picocli.CommandLine;

/** Reads a byte count for picocli: plain bytes or with a binary suffix, {@code 512k}, {@code 64m}, {@code 1g}. */
public final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
  @Override
  public Long convert(String text) {
    String value = text.trim().toLowerCase(java.util.Locale.ROOT);
    int shift = 0;
    if (!value.isEmpty()) {
      switch (value.charAt(value.length() - 1)) {
        case 'k': shift = 10; break;
        case 'm': shift = 20; break;
        case 'g': shift = 30; break;
        default: break;
      }
    }
    String digits = shift == 0 ? value : value.substring(0, value.length() - 1);
    long number = dev.showdown.kit.Digits.parseBounded(digits, Long.MAX_VALUE >> shift);
    if (number == dev.showdown.kit.Digits.INVALID) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a size such as 1048576, 512k, 64m or 1g");
    }
    return number << shift;
  }
}
