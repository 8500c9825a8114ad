package dev.showdown.push;

import dev.showdown.push.core.EncodedPush;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * A WebSocket subscriber on the channel taken over after the upgrade: each push is one text frame, written
 * pre-encoded from the buffer every connection shares (it passes the frame encoder untouched); a ping each
 * heartbeat must be answered by the next. The peer's pings are answered while the write queue has room, and
 * its close is echoed (RFC 6455 5.5).
 */
final class WebSocketSubscriber extends Subscriber {
  /** A ping with no payload: FIN + opcode 0x9, length 0 (server frames are not masked). */
  private static final ByteBuf PING = constant(0x89, 0x00);
  /** A close with status 1001 "going away": FIN + opcode 0x8, length 2, the code. */
  private static final ByteBuf GOING_AWAY = constant(0x88, 0x02, 0x03, 0xE9);

  private boolean awaitingPong;

  WebSocketSubscriber(Channel channel) {
    super(channel);
  }

  @Override
  Protocol protocol() {
    return Protocol.WEBSOCKET;
  }

  @Override
  ByteBuf encoded(EncodedPush push) {
    return push.webSocketFrame();
  }

  @Override
  boolean heartbeat() {
    if (awaitingPong) {
      return false;
    }
    awaitingPong = true;
    channel.writeAndFlush(PING.duplicate(), channel.voidPromise());
    return true;
  }

  @Override
  void received(ChannelHandlerContext ctx, Object message) {
    try {
      if (message instanceof PongWebSocketFrame) {
        awaitingPong = false;
      } else if (message instanceof PingWebSocketFrame ping && channel.isWritable()) {
        // A peer that pings without reading gets no pongs queued beyond the write queue (RFC 6455 5.5.3
        // allows answering only the latest ping).
        ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()), ctx.voidPromise());
      } else if (message instanceof CloseWebSocketFrame close) {
        ctx.writeAndFlush(new CloseWebSocketFrame(true, 0, close.content().retain()))
            .addListener(ChannelFutureListener.CLOSE);
      }
    } finally {
      ReferenceCountUtil.release(message);
    }
  }

  /** Says goodbye if the socket will take it, without waiting: a stalled reader is closed all the same. */
  @Override
  void close() {
    channel.writeAndFlush(GOING_AWAY.duplicate(), channel.voidPromise());
    channel.close();
  }

  /** A frame the decoder refused is answered with the close status it names (1002, 1007, 1009) before closing. */
  @Override
  void abort(Throwable cause) {
    if (cause instanceof CorruptedWebSocketFrameException corrupted && channel.isActive()) {
      channel.writeAndFlush(new CloseWebSocketFrame(corrupted.closeStatus()), channel.voidPromise());
    }
    channel.close();
  }

  private static ByteBuf constant(int... bytes) {
    ByteBuf buffer = Unpooled.directBuffer(bytes.length);
    for (int b : bytes) {
      buffer.writeByte(b);
    }
    return Unpooled.unreleasableBuffer(buffer.asReadOnly());
  }
}
