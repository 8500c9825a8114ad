package dev.showdown.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ByteProcessor;

import java.nio.charset.StandardCharsets;

/**
 * Finds where each HTTP/1.1 response ends in a byte stream and keeps only its status: the built-in generator
 * needs no headers or body, so it reads the status line, {@code Content-Length} and {@code Transfer-Encoding:
 * chunked}, and skips the rest without decoding or copying (a line split across reads is the only copy).
 */
final class ResponseParser {
  private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CHUNKED = "chunked".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_LINE = 16 * 1024;

  private enum State { STATUS_LINE, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, TRAILERS }

  private final ByteBuf partialLine = Unpooled.buffer(256);
  private State state = State.STATUS_LINE;
  private int status;
  private long contentLength;
  private boolean chunked;
  private long remaining;

  /** The status of the response {@link #parse} last completed. */
  int status() {
    return status;
  }

  /**
   * Consumes bytes of {@code in} up to the end of one response and returns true, or consumes all of it and
   * returns false when the response goes on in a later read.
   *
   * @throws IllegalStateException when the bytes are not an HTTP/1.1 response
   */
  boolean parse(ByteBuf in) {
    while (in.isReadable()) {
      switch (state) {
        case BODY, CHUNK_DATA -> {
          int skip = (int) Math.min(remaining, in.readableBytes());
          in.skipBytes(skip);
          remaining -= skip;
          if (remaining == 0) {
            if (state == State.BODY) {
              return done();
            }
            state = State.CHUNK_SIZE;
          }
        }
        default -> {
          ByteBuf line = readLine(in);
          if (line == null) {
            return false;
          }
          if (line(line)) {
            return done();
          }
        }
      }
    }
    return false;
  }

  /** Handles one line of the head or of the chunk framing; true when it ends the response. */
  private boolean line(ByteBuf line) {
    switch (state) {
      case STATUS_LINE -> {
        status = statusCode(line);
        contentLength = 0;
        chunked = false;
        state = State.HEADERS;
      }
      case HEADERS -> {
        if (line.isReadable()) {
          header(line);
        } else if (chunked) {
          state = State.CHUNK_SIZE;
        } else if (contentLength > 0) {
          remaining = contentLength;
          state = State.BODY;
        } else {
          return true;
        }
      }
      case CHUNK_SIZE -> {
        long size = chunkSize(line);
        if (size == 0) {
          state = State.TRAILERS;
        } else {
          remaining = size + 2;
          state = State.CHUNK_DATA;
        }
      }
      default -> {
        return !line.isReadable();
      }
    }
    return false;
  }

  private boolean done() {
    state = State.STATUS_LINE;
    return true;
  }

  /** The next line without its CR LF, or null (its start kept) when it ends in a later read. */
  private ByteBuf readLine(ByteBuf in) {
    int lf = in.forEachByte(ByteProcessor.FIND_LF);
    if (lf < 0) {
      if (partialLine.readableBytes() + in.readableBytes() > MAX_LINE) {
        throw new IllegalStateException("an HTTP line longer than " + MAX_LINE + " bytes");
      }
      partialLine.writeBytes(in);
      return null;
    }
    ByteBuf line;
    if (partialLine.isReadable()) {
      partialLine.writeBytes(in, lf - in.readerIndex());
      in.skipBytes(1);
      line = partialLine.copy();
      partialLine.clear();
    } else {
      line = in.slice(in.readerIndex(), lf - in.readerIndex());
      in.readerIndex(lf + 1);
    }
    int end = line.writerIndex();
    if (end > line.readerIndex() && line.getByte(end - 1) == '\r') {
      line.writerIndex(end - 1);
    }
    return line;
  }

  private static int statusCode(ByteBuf line) {
    // "HTTP/1.1 200 OK": the code is the three digits after the first space.
    int space = line.indexOf(line.readerIndex(), line.writerIndex(), (byte) ' ');
    if (space < 0 || line.writerIndex() < space + 4 || !startsWith(line, "HTTP/".getBytes(StandardCharsets.US_ASCII))) {
      throw new IllegalStateException("not an HTTP status line: " + line.toString(StandardCharsets.US_ASCII));
    }
    int code = 0;
    for (int i = space + 1; i < space + 4; i++) {
      int digit = line.getByte(i) - '0';
      if (digit < 0 || digit > 9) {
        throw new IllegalStateException("not an HTTP status line: " + line.toString(StandardCharsets.US_ASCII));
      }
      code = code * 10 + digit;
    }
    return code;
  }

  private void header(ByteBuf line) {
    if (startsWith(line, CONTENT_LENGTH)) {
      contentLength = decimal(line, line.readerIndex() + CONTENT_LENGTH.length);
    } else if (startsWith(line, TRANSFER_ENCODING)) {
      chunked = contains(line, CHUNKED);
    }
  }

  private static long decimal(ByteBuf line, int from) {
    long value = 0;
    boolean digits = false;
    for (int i = from; i < line.writerIndex(); i++) {
      byte b = line.getByte(i);
      if (b >= '0' && b <= '9') {
        value = value * 10 + (b - '0');
        digits = true;
      } else if (b != ' ' && b != '\t') {
        break;
      }
    }
    if (!digits) {
      throw new IllegalStateException("a Content-Length without a number");
    }
    return value;
  }

  private static long chunkSize(ByteBuf line) {
    long size = 0;
    boolean digits = false;
    for (int i = line.readerIndex(); i < line.writerIndex(); i++) {
      int digit = Character.digit(line.getByte(i), 16);
      if (digit < 0) {
        break;
      }
      size = size * 16 + digit;
      digits = true;
    }
    if (!digits) {
      throw new IllegalStateException("a chunk without a size");
    }
    return size;
  }

  /** ASCII case-insensitive prefix test against a lower-case {@code prefix}. */
  private static boolean startsWith(ByteBuf line, byte[] prefix) {
    if (line.readableBytes() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (lower(line.getByte(line.readerIndex() + i)) != lower(prefix[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(ByteBuf line, byte[] word) {
    for (int start = line.readerIndex(); start + word.length <= line.writerIndex(); start++) {
      int i = 0;
      while (i < word.length && lower(line.getByte(start + i)) == word[i]) {
        i++;
      }
      if (i == word.length) {
        return true;
      }
    }
    return false;
  }

  private static byte lower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
  }
}
