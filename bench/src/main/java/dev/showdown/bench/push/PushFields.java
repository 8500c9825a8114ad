package dev.showdown.bench.push;

/** Reads {@code seq} and {@code ts} from a push message {@code {"seq":N,"ts":T,...}} without allocating. */
final class PushFields {
  private static final byte[] SEQ = "{\"seq\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] TS = ",\"ts\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private PushFields() {
  }

  /** The seq, or -1 when the bytes do not start as a push message. */
  static long seq(byte[] bytes, int from, int to) {
    return number(bytes, afterPrefix(bytes, from, to, SEQ), to);
  }

  /** The ts in epoch microseconds, or -1. */
  static long ts(byte[] bytes, int from, int to) {
    int at = afterPrefix(bytes, from, to, SEQ);
    if (at < 0) {
      return -1;
    }
    while (at < to && isDigit(bytes[at])) {
      at++;
    }
    return number(bytes, afterPrefix(bytes, at, to, TS), to);
  }

  private static int afterPrefix(byte[] bytes, int from, int to, byte[] prefix) {
    if (from < 0 || to - from < prefix.length) {
      return -1;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[from + i] != prefix[i]) {
        return -1;
      }
    }
    return from + prefix.length;
  }

  private static long number(byte[] bytes, int at, int to) {
    if (at < 0 || at >= to || !isDigit(bytes[at])) {
      return -1;
    }
    long value = 0;
    for (int digits = 0; at < to && isDigit(bytes[at]) && digits < 18; at++, digits++) {
      value = value * 10 + (bytes[at] - '0');
    }
    return value;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }
}
