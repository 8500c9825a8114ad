package dev.showdown.logparse.core;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Counts NDJSON fed in pieces of any size: complete lines are parsed in place, a line cut by a piece boundary
 * is carried to the next piece, and a line longer than the limit is an error whose bytes are dropped as they
 * arrive, so memory stays within the limit whatever the input. CRLF needs no special case: the CR is JSON
 * whitespace. Not thread-safe: feed it from one thread at a time.
 */
public final class NdjsonCounter {
  private static final int INITIAL_BUFFER = 64 * 1024;

  private final UserIdParser parser;
  private final int maxLineBytes;
  /** Told by how many bytes the line buffer is about to grow; may throw to refuse, and then it does not. */
  private final IntConsumer beforeGrowth;
  private final Tally tally = new Tally();
  private byte[] buffer;
  /** Bytes in {@link #buffer}: the start of a line whose newline has not arrived yet. */
  private int pending;
  /** Inside an over-long line (already counted as an error): drop bytes up to its newline. */
  private boolean dropping;

  public NdjsonCounter(UserIdParser parser, int maxLineBytes) {
    this(parser, maxLineBytes, more -> { });
  }

  public NdjsonCounter(UserIdParser parser, int maxLineBytes, IntConsumer beforeGrowth) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("max line bytes must be at least 1");
    }
    this.parser = parser;
    this.maxLineBytes = maxLineBytes;
    this.beforeGrowth = beforeGrowth;
    this.buffer = new byte[initialBufferBytes(maxLineBytes)];
  }

  /** The line buffer a counter starts with; it grows only for a line that does not fit. */
  public static int initialBufferBytes(int maxLineBytes) {
    return Math.min(INITIAL_BUFFER, maxLineBytes + 1);
  }

  /** Counts the complete lines in {@code data} (consumed whole) and keeps the unfinished last one. */
  public void feed(ByteBuffer data) {
    while (data.hasRemaining()) {
      if (pending == buffer.length) {
        makeRoom();
      }
      int n = Math.min(data.remaining(), buffer.length - pending);
      data.get(buffer, pending, n);
      int scanFrom = pending;
      pending += n;
      countLines(scanFrom);
    }
  }

  /** Counts a last line that has no newline; returns the result. Feed nothing after this. */
  public Tally finish() {
    if (!dropping && pending > 0) {
      line(0, pending);
    }
    pending = 0;
    return tally;
  }

  private void countLines(int scanFrom) {
    int lineStart = 0;
    for (int i = ByteScan.indexOfNewline(buffer, scanFrom, pending); i >= 0;
        i = ByteScan.indexOfNewline(buffer, lineStart, pending)) {
      if (dropping) {
        dropping = false;
      } else {
        line(lineStart, i);
      }
      lineStart = i + 1;
    }
    if (dropping) {
      pending = 0;
    } else {
      pending -= lineStart;
      System.arraycopy(buffer, lineStart, buffer, 0, pending);
    }
  }

  /** The buffer holds only the start of one line: grow it, or give the line up as too long. */
  private void makeRoom() {
    if (pending > maxLineBytes) {
      tally.record(LineVerdict.TOO_LONG);
      dropping = true;
      pending = 0;
    } else {
      int grown = (int) Math.min((long) buffer.length * 2, maxLineBytes + 1L);
      beforeGrowth.accept(grown - buffer.length);
      buffer = Arrays.copyOf(buffer, grown);
    }
  }

  private void line(int from, int to) {
    if (isBlank(buffer, from, to)) {
      tally.blankLine();
    } else if (to - from > maxLineBytes) {
      tally.record(LineVerdict.TOO_LONG);
    } else {
      tally.record(parser.parse(buffer, from, to, tally.users()));
    }
  }

  private static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
