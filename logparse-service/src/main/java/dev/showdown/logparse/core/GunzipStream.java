package dev.showdown.logparse.core;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Inflates a gzip stream (RFC 1952, members may follow one another) fed in pieces of any size, handing the
 * output on in windows of a fixed size, so a small body that inflates to gigabytes never sits in memory.
 * Checks each member's CRC-32 and length. Not thread-safe; {@link #close} frees the native inflater.
 */
public final class GunzipStream implements AutoCloseable {
  /** The output window, the bulk of what a stream holds. */
  public static final int OUTPUT_WINDOW = 64 * 1024;
  /** A longer header (a long file name, comment or extra field) is refused; HTTP bodies carry none of them. */
  private static final int MAX_HEADER = 4096;
  private static final int TRAILER = 8;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] output = new byte[OUTPUT_WINDOW];
  private final Consumer<ByteBuffer> sink;
  /** Header or trailer bytes collected so far. */
  private byte[] frame = new byte[64];
  private int framed;
  private boolean inBody;
  private long memberBytes;
  private int members;

  public GunzipStream(Consumer<ByteBuffer> sink) {
    this.sink = sink;
  }

  public void feed(ByteBuffer input) throws ZipException {
    while (input.hasRemaining()) {
      if (inBody) {
        inflate(input);
      } else if (members > 0 && framed < TRAILER && memberBytes >= 0) {
        collect(input, TRAILER);
        if (framed == TRAILER) {
          checkTrailer();
        }
      } else {
        collectHeader(input);
      }
    }
  }

  /** Fails unless the input ended exactly after a complete member. */
  public void finish() throws ZipException {
    if (members == 0 || inBody || framed != 0 || memberBytes >= 0) {
      throw new ZipException("gzip body ends early");
    }
  }

  @Override
  public void close() {
    inflater.end();
  }

  private void inflate(ByteBuffer input) throws ZipException {
    inflater.setInput(input);
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(output);
        if (n > 0) {
          crc.update(output, 0, n);
          memberBytes += n;
          sink.accept(ByteBuffer.wrap(output, 0, n));
        } else if (inflater.needsInput()) {
          return;
        } else if (inflater.needsDictionary()) {
          throw new ZipException("gzip body needs a preset dictionary");
        }
      }
    } catch (DataFormatException e) {
      throw new ZipException("corrupt gzip data: " + e.getMessage());
    }
    inBody = false;
    framed = 0;
  }

  private void checkTrailer() throws ZipException {
    long expectedCrc = littleEndianInt(frame, 0);
    long expectedSize = littleEndianInt(frame, 4);
    if (expectedCrc != crc.getValue()) {
      throw new ZipException("gzip CRC mismatch");
    }
    if (expectedSize != (memberBytes & 0xFFFFFFFFL)) {
      throw new ZipException("gzip length mismatch");
    }
    framed = 0;
    memberBytes = -1; // between members: a next header may follow
  }

  private void collectHeader(ByteBuffer input) throws ZipException {
    // One byte at a time: the header's length is known only once its flags and fields have been read.
    while (input.hasRemaining() && !inBody) {
      if (framed == MAX_HEADER) {
        throw new ZipException("gzip header too long");
      }
      collect(input, framed + 1);
      int length = headerLength();
      if (length > 0) {
        inBody = true;
        framed = 0;
        members++;
        memberBytes = 0;
        crc.reset();
        inflater.reset();
      }
    }
  }

  /** The header's length if {@link #frame} holds all of it, else 0; fails on what is not gzip. */
  private int headerLength() throws ZipException {
    if (framed >= 1 && (frame[0] & 0xFF) != 0x1F || framed >= 2 && (frame[1] & 0xFF) != 0x8B) {
      throw new ZipException("not in gzip format");
    }
    if (framed >= 3 && frame[2] != 8) {
      throw new ZipException("unsupported gzip compression method");
    }
    if (framed < 10) {
      return 0;
    }
    int flags = frame[3] & 0xFF;
    if ((flags & 0xE0) != 0) {
      throw new ZipException("reserved gzip flags set");
    }
    int at = 10;
    if ((flags & FEXTRA) != 0) {
      if (framed < at + 2) {
        return 0;
      }
      at += 2 + ((frame[at] & 0xFF) | (frame[at + 1] & 0xFF) << 8);
    }
    if ((flags & FNAME) != 0) {
      at = afterZero(at);
    }
    if (at > 0 && (flags & FCOMMENT) != 0) {
      at = afterZero(at);
    }
    if (at > 0 && (flags & FHCRC) != 0) {
      at += 2;
    }
    return at > 0 && framed >= at ? at : 0;
  }

  /** The index after the zero byte at or after {@code at}, or 0 if it has not arrived. */
  private int afterZero(int at) {
    for (int i = at; i < framed; i++) {
      if (frame[i] == 0) {
        return i + 1;
      }
    }
    return 0;
  }

  private void collect(ByteBuffer input, int upTo) {
    if (frame.length < upTo) {
      frame = Arrays.copyOf(frame, Math.max(upTo, frame.length * 2));
    }
    int n = Math.min(upTo - framed, input.remaining());
    input.get(frame, framed, n);
    framed += n;
  }

  private static long littleEndianInt(byte[] b, int at) {
    return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
  }
}
