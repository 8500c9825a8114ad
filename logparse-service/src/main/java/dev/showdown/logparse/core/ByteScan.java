package dev.showdown.logparse.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches that look at eight bytes per step (SWAR): a long is read at once and a few arithmetic operations
 * flag the bytes of interest. A flag can be false only above a true one, so the lowest flag is always exact.
 */
final class ByteScan {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long NEWLINES = ONES * '\n';
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';
  private static final long SPACES = ONES * ' ';

  private ByteScan() {
  }

  /** The index of the first {@code '\n'} in {@code b[from, to)}, or -1. */
  static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    for (; i <= to - Long.BYTES; i += Long.BYTES) {
      long flags = zeroBytes((long) LONGS.get(b, i) ^ NEWLINES);
      if (flags != 0) {
        return i + (Long.numberOfTrailingZeros(flags) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * The index of the first byte at or after {@code from} that a JSON string scanner must look at (a quote, a
   * backslash, a control character or a non-ASCII byte), or of the last eight-byte step's start before {@code to}.
   * Only steps over plain ASCII: the caller goes on byte by byte from the returned index.
   */
  static int skipPlainStringBytes(byte[] b, int from, int to) {
    int i = from;
    while (i <= to - Long.BYTES) {
      long word = (long) LONGS.get(b, i);
      // Bytes below 0x20 and bytes with the high bit set: (word - 0x20..) borrows, or word has the bit itself.
      long flags = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES) | ((word - SPACES) | word) & HIGHS;
      if (flags != 0) {
        return i + (Long.numberOfTrailingZeros(flags) >>> 3);
      }
      i += Long.BYTES;
    }
    return i;
  }

  /** High bit set in each byte of {@code word} that is zero (exact for the lowest such byte). */
  private static long zeroBytes(long word) {
    return (word - ONES) & ~word & HIGHS;
  }
}
