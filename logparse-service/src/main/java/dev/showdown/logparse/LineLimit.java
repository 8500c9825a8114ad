package dev.showdown.logparse;

/** Checks a {@code --max-line} value: a line must fit in one Java array. */
final class LineLimit {
  private static final int MAX = Integer.MAX_VALUE - 16;

  private LineLimit() {
  }

  static int of(long bytes) {
    if (bytes < 1 || bytes > MAX) {
      throw new IllegalArgumentException("--max-line must be in 1.." + MAX + " bytes, not " + bytes);
    }
    return (int) bytes;
  }
}
