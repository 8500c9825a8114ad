package dev.showdown.push.core;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * One push, encoded once for every connection of every loop: the TCP line and the WebSocket text frame, each
 * written to its connections as views of one buffer. The buffers are read-only and unreleasable, so any number
 * of writes may share them.
 */
public final class EncodedPush {
  private final long seq;
  private final long tsMicros;
  private final byte[] message;
  private final ByteBuf tcpLine;
  private final ByteBuf webSocketFrame;

  private EncodedPush(long seq, long tsMicros, byte[] message) {
    this.seq = seq;
    this.tsMicros = tsMicros;
    this.message = message;
    byte[] line = new byte[message.length + 1];
    System.arraycopy(message, 0, line, 0, message.length);
    line[message.length] = '\n';
    this.tcpLine = readOnlyDirect(line);
    this.webSocketFrame = readOnlyDirect(textFrame(message));
  }

  public static EncodedPush encode(long seq, long tsMicros) {
    return new EncodedPush(seq, tsMicros, PushMessage.encode(seq, tsMicros));
  }

  /** A message encoded elsewhere (another node, through Redis), or null when it is not one. */
  public static EncodedPush decode(byte[] message) {
    if (message.length != PushMessage.SIZE) {
      return null;
    }
    long seq = PushMessage.seq(message, 0, message.length);
    long ts = PushMessage.tsMicros(message, 0, message.length);
    return seq < 0 || ts < 0 ? null : new EncodedPush(seq, ts, message);
  }

  public long seq() {
    return seq;
  }

  /** Epoch microseconds when the push was stamped: latency is measured from here. */
  public long tsMicros() {
    return tsMicros;
  }

  /** The {@value PushMessage#SIZE}-byte message, as published to the other nodes; not to be changed. */
  public byte[] message() {
    return message;
  }

  /** The message and its newline for one connection: a view, since a partial write moves its reader index. */
  public ByteBuf tcpLine() {
    return tcpLine.duplicate();
  }

  /** The message as one encoded WebSocket text frame, for one connection. */
  public ByteBuf webSocketFrame() {
    return webSocketFrame.duplicate();
  }

  /**
   * A final, unmasked text frame (RFC 6455 5.2): FIN and opcode 0x1, then the length in the one byte a payload
   * under 126 bytes takes, then the message, which is ASCII and therefore valid UTF-8.
   */
  static byte[] textFrame(byte[] message) {
    if (message.length > 125) {
      throw new IllegalArgumentException("a " + message.length + "-byte message needs an extended length");
    }
    byte[] frame = new byte[message.length + 2];
    frame[0] = (byte) 0x81;
    frame[1] = (byte) message.length;
    System.arraycopy(message, 0, frame, 2, message.length);
    return frame;
  }

  /** Direct memory: the epoll transport writes it as is instead of copying a heap buffer per connection. */
  private static ByteBuf readOnlyDirect(byte[] bytes) {
    return Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes).asReadOnly());
  }
}
