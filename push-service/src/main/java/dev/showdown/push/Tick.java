package dev.showdown.push;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;

/**
 * One push, encoded once for every connection of every loop: the TCP line and the WebSocket text frame share
 * the same 100 bytes. The buffers are read-only and unreleasable, so any number of writes may share them.
 */
final class Tick {
  final long seq;
  final long tsMicros;
  final byte[] message;
  private final ByteBuf tcpLine;
  private final ByteBuf textPayload;

  Tick(long seq, long tsMicros, byte[] message) {
    this.seq = seq;
    this.tsMicros = tsMicros;
    this.message = message;
    byte[] line = new byte[message.length + 1];
    System.arraycopy(message, 0, line, 0, message.length);
    line[message.length] = '\n';
    this.tcpLine = readOnlyDirect(line);
    this.textPayload = readOnlyDirect(message);
  }

  static Tick encode(long seq, long tsMicros) {
    return new Tick(seq, tsMicros, PushMessage.encode(seq, tsMicros));
  }

  /** A message encoded elsewhere (another node, through Redis), or null when it is not one. */
  static Tick decode(byte[] message) {
    if (message.length != PushMessage.SIZE) {
      return null;
    }
    long seq = PushMessage.seq(message, 0, message.length);
    long ts = PushMessage.tsMicros(message, 0, message.length);
    return seq < 0 || ts < 0 ? null : new Tick(seq, ts, message);
  }

  /** The message and its newline for one connection: a view, since a partial write moves its reader index. */
  ByteBuf tcpLine() {
    return tcpLine.duplicate();
  }

  /**
   * A text frame of this tick's message for one connection. Frames cannot be shared: encoding one moves its
   * buffer's reader index, so each gets its own view (a few small objects) of the one payload.
   */
  WebSocketFrame textFrame() {
    return new WebSocketFrameImpl(WebSocketFrameType.TEXT, textPayload.duplicate(), true);
  }

  /** Direct memory: the epoll transport writes it as is instead of copying a heap buffer per connection. */
  private static ByteBuf readOnlyDirect(byte[] bytes) {
    return Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes).asReadOnly());
  }
}
