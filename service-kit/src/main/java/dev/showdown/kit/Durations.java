package dev.showdown.kit;

import java.time.Duration;

/** Parses short duration literals: a whole number followed by {@code ms}, {@code s}, {@code m} or {@code h}. */
public final class Durations {
  private Durations() {
  }

  public static Duration parse(String text) {
    String value = text.trim();
    int unitStart = 0;
    while (unitStart < value.length() && Character.isDigit(value.charAt(unitStart))) {
      unitStart++;
    }
    long amount = Digits.parseBounded(value.substring(0, unitStart), Long.MAX_VALUE / 1_000_000);
    String unit = value.substring(unitStart);
    if (amount < 0) {
      throw new IllegalArgumentException("not a duration: '" + text + "' (write e.g. 500ms, 10s, 2m)");
    }
    switch (unit) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      default:
        throw new IllegalArgumentException("not a duration: '" + text + "' (write e.g. 500ms, 10s, 2m)");
    }
  }

  /** The inverse of {@link #parse} for the largest unit that divides the duration exactly. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0 && millis > 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
