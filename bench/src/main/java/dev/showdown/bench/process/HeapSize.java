package dev.showdown.bench.process;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A heap size as {@code -Xmx} takes it, e.g. {@code 16m}: its text and its bytes. */
public record HeapSize(String text, long bytes) {
  /** Below this no service starts (the JVM itself refuses a heap of under about 2 MB). */
  static final long SMALLEST = 4L << 20;
  /** Above this it is a typo rather than a heap for a service on this bench. */
  static final long LARGEST = 64L << 30;
  private static final Pattern SIZE = Pattern.compile("(\\d{1,9})([kKmMgG])");

  /**
   * Parses {@code <digits><k|m|g>}, 4m to 64g.
   *
   * @throws IllegalArgumentException with a one-line reason
   */
  public static HeapSize parse(String text) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a heap size such as 16m, 512m or 1g");
    }
    long number = Long.parseLong(m.group(1));
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    long bytes = number << switch (unit) {
      case "k" -> 10;
      case "m" -> 20;
      default -> 30;
    };
    if (bytes < SMALLEST || bytes > LARGEST) {
      throw new IllegalArgumentException("heap size " + text + " is outside 4m..64g");
    }
    return new HeapSize(number + unit, bytes);
  }
}
