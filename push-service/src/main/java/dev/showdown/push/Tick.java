package dev.showdown.push;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.internal.buffer.BufferInternal;

import java.nio.charset.StandardCharsets;

/**
 * One push, encoded once for every connection of every loop: the TCP line and the WebSocket text frame share
 * the same 100 bytes. The buffers are read-only and unreleasable, so any number of writes may share them.
 */
final class Tick {
  final long seq;
  final long tsMicros;
  final byte[] message;
  final Buffer tcpLine;
  final WebSocketFrame textFrame;

  Tick(long seq, long tsMicros, byte[] message) {
    this.seq = seq;
    this.tsMicros = tsMicros;
    this.message = message;
    // Direct memory: the epoll transport writes it as is instead of copying a heap buffer per connection.
    byte[] line = new byte[message.length + 1];
    System.arraycopy(message, 0, line, 0, message.length);
    line[message.length] = '\n';
    this.tcpLine = BufferInternal.buffer(Unpooled.unreleasableBuffer(
        Unpooled.directBuffer(line.length).writeBytes(line).asReadOnly()));
    this.textFrame = WebSocketFrame.textFrame(new String(message, StandardCharsets.US_ASCII), true);
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
}
