package dev.showdown.push.core;

/**
 * The contract's push message: exactly {@value #SIZE} bytes of ASCII JSON {@code {"seq":N,"ts":T,"pad":"..."}},
 * where {@code ts} is epoch microseconds and the pad fills the rest.
 */
public final class PushMessage {
  public static final int SIZE = 100;

  private static final byte[] SEQ = ascii("{\"seq\":");
  private static final byte[] TS = ascii(",\"ts\":");
  private static final byte[] PAD = ascii(",\"pad\":\"");
  private static final byte[] END = ascii("\"}");
  private static final int FIXED = SEQ.length + TS.length + PAD.length + END.length;
  private static final byte PAD_BYTE = 'x';

  private PushMessage() {
  }

  /** Writes the message for {@code seq} and {@code tsMicros} into {@code into} from {@code offset}; both non-negative. */
  public static void encode(long seq, long tsMicros, byte[] into, int offset) {
    int pad = SIZE - FIXED - digits(seq) - digits(tsMicros);
    int at = put(SEQ, into, offset);
    at = putDecimal(seq, into, at);
    at = put(TS, into, at);
    at = putDecimal(tsMicros, into, at);
    at = put(PAD, into, at);
    int padEnd = at + pad;
    while (at < padEnd) {
      into[at++] = PAD_BYTE;
    }
    put(END, into, at);
  }

  public static byte[] encode(long seq, long tsMicros) {
    byte[] message = new byte[SIZE];
    encode(seq, tsMicros, message, 0);
    return message;
  }

  /** The {@code seq} of an encoded message, or -1 when it does not start as one. */
  public static long seq(byte[] message, int offset, int length) {
    return field(message, offset, length, SEQ, 0);
  }

  /** The {@code ts} (epoch microseconds) of an encoded message, or -1 when it does not parse. */
  public static long tsMicros(byte[] message, int offset, int length) {
    int end = offset + length;
    int at = offset + SEQ.length;
    while (at < end && message[at] >= '0' && message[at] <= '9') {
      at++;
    }
    return field(message, offset, length, TS, at - offset);
  }

  private static long field(byte[] message, int offset, int length, byte[] prefix, int from) {
    int at = offset + from;
    int end = offset + length;
    if (end - at < prefix.length + 1) {
      return -1;
    }
    for (byte b : prefix) {
      if (message[at++] != b) {
        return -1;
      }
    }
    long value = 0;
    int start = at;
    while (at < end && message[at] >= '0' && message[at] <= '9' && at - start < 18) {
      value = value * 10 + (message[at++] - '0');
    }
    return at == start ? -1 : value;
  }

  private static int put(byte[] bytes, byte[] into, int at) {
    System.arraycopy(bytes, 0, into, at, bytes.length);
    return at + bytes.length;
  }

  private static int putDecimal(long value, byte[] into, int at) {
    int end = at + digits(value);
    int i = end;
    do {
      into[--i] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value != 0);
    return end;
  }

  static int digits(long value) {
    int digits = 1;
    while (value >= 10) {
      value /= 10;
      digits++;
    }
    return digits;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
