package dev.showdown.kit;

import picocli.CommandLine.TypeConversionException;

/**
 * Whole-number flag values that must lie in a range, for a service's own picocli converters: out of range or not a
 * number, the value is refused with a reason that picocli prints on one line, e.g.
 * {@code Invalid value for option '--port': 70000 is not a port (expected 0..65535)}.
 */
public final class IntRange {
  private IntRange() {
  }

  public static int parse(String text, int min, int max, String what) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + text + "' is not " + what + " (expected " + min + ".." + max + ")");
    }
    if (value < min || value > max) {
      throw new TypeConversionException(value + " is not " + what + " (expected " + min + ".." + max + ")");
    }
    return value;
  }
}
