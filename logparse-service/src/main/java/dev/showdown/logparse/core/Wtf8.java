package dev.showdown.logparse.core;

/**
 * UTF-8 encoding that also encodes lone surrogates (as three bytes, the WTF-8 form), so that two decoded
 * strings have equal bytes exactly when they are equal as Java strings.
 */
final class Wtf8 {
  private Wtf8() {
  }

  /** Writes {@code codePoint} at {@code out[n]}; returns the index after it. */
  static int put(int codePoint, byte[] out, int n) {
    if (codePoint < 0x80) {
      out[n++] = (byte) codePoint;
    } else if (codePoint < 0x800) {
      out[n++] = (byte) (0xC0 | codePoint >> 6);
      out[n++] = (byte) (0x80 | codePoint & 0x3F);
    } else if (codePoint < 0x10000) {
      out[n++] = (byte) (0xE0 | codePoint >> 12);
      out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
      out[n++] = (byte) (0x80 | codePoint & 0x3F);
    } else {
      out[n++] = (byte) (0xF0 | codePoint >> 18);
      out[n++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
      out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
      out[n++] = (byte) (0x80 | codePoint & 0x3F);
    }
    return n;
  }

  /** Encodes {@code chars[from, from + length)} into {@code out} (at least 3 bytes a char); returns the byte count. */
  static int encode(char[] chars, int from, int length, byte[] out) {
    int n = 0;
    for (int i = from, end = from + length; i < end; i++) {
      char c = chars[i];
      if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
        n = put(Character.toCodePoint(c, chars[++i]), out, n);
      } else {
        n = put(c, out, n);
      }
    }
    return n;
  }
}
