package dev.showdown.bench.verify;

/**
 * One thing an implementation must do by docs/contract.md, and whether it did: passed, or failed with what was
 * expected and what came instead (each cut to a readable length).
 *
 * @param name     what was asked, e.g. {@code GET /fib/41}
 * @param expected what the contract says should come back
 * @param got      what came back (for a pass, the same in short)
 */
public record Check(String name, boolean passed, String expected, String got) {
  /** Longest expected or got text kept; a body past it is cut, since the first difference is what matters. */
  static final int MAX_TEXT = 200;

  public Check {
    expected = bounded(expected);
    got = bounded(got);
  }

  public static Check pass(String name, String got) {
    return new Check(name, true, got, got);
  }

  public static Check fail(String name, String expected, String got) {
    return new Check(name, false, expected, got);
  }

  /** Passed when {@code got} equals {@code expected}. */
  public static Check equal(String name, Object expected, Object got) {
    String want = String.valueOf(expected);
    String have = String.valueOf(got);
    return want.equals(have) ? pass(name, have) : fail(name, want, have);
  }

  /** One line: {@code ok   GET /ping: 200 ...} or {@code FAIL GET /fib/41: expected ..., got ...}. */
  public String describe() {
    return passed ? "ok    " + name + ": " + got : "FAIL  " + name + ": expected " + expected + ", got " + got;
  }

  /** Printable ASCII only (controls and non-ASCII escaped), cut after about {@link #MAX_TEXT} characters. */
  static String bounded(String text) {
    if (text == null) {
      return "nothing";
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (; i < text.length() && out.length() < MAX_TEXT; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.format("\\u%04x", (int) c));
      }
    }
    return i == text.length() ? out.toString() : out + "... (" + text.length() + " chars)";
  }
}
