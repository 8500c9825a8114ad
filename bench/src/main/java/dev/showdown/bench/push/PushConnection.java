package dev.showdown.bench.push;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * One listening connection: counts each push by the seq and ts it carries, from TCP lines or, behind
 * {@link WebSocketClientPipeline}, from text frames (a close is echoed). Kept small: a client process holds
 * thousands, so a WebSocket connection reads its frames through one scratch array per event loop.
 */
final class PushConnection extends ChannelInboundHandlerAdapter {
  /** Longer than any push; a longer frame is not one and is skipped. */
  private static final int MAX_MESSAGE = 256;
  private static final FastThreadLocal<byte[]> FRAME = new FastThreadLocal<>() {
    @Override
    protected byte[] initialValue() {
      return new byte[MAX_MESSAGE];
    }
  };

  private final PushTally tally;
  private final WebSocketClientPipeline webSocket;
  final CompletableFuture<Void> ready = new CompletableFuture<>();
  /** TCP only: the start of a line whose end has not come yet. */
  private byte[] pending;
  private int pendingLength;
  volatile long lastSeq = -1;
  int counted;
  volatile boolean open;

  /** {@code webSocket} null for plain TCP lines. */
  PushConnection(PushTally tally, WebSocketClientPipeline webSocket) {
    this.tally = tally;
    this.webSocket = webSocket;
  }

  /** What a new channel of this connection gets: the connection itself, or the WebSocket client before it. */
  ChannelHandler handler() {
    if (webSocket == null) {
      return this;
    }
    return new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel channel) {
        webSocket.addTo(channel.pipeline(), PushConnection.this);
      }
    };
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    open = true;
    if (webSocket == null) {
      ready.complete(null);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    open = false;
    ready.completeExceptionally(new IOException("closed before it was ready"));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ready.completeExceptionally(cause);
    ctx.close();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
      ready.complete(null);
    } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
      ready.completeExceptionally(new IOException("no WebSocket upgrade answer in time"));
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf buf) {
      try {
        lines(buf);
      } finally {
        buf.release();
      }
    } else if (msg instanceof TextWebSocketFrame frame) {
      try {
        frame(frame.content());
      } finally {
        frame.release();
      }
    } else if (msg instanceof CloseWebSocketFrame close) {
      // The server's status is echoed (masked by the frame encoder), then the connection ends.
      ctx.writeAndFlush(close).addListener(ChannelFutureListener.CLOSE);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  private void frame(ByteBuf content) {
    int length = content.readableBytes();
    if (length > MAX_MESSAGE) {
      return;
    }
    byte[] scratch = FRAME.get();
    content.getBytes(content.readerIndex(), scratch, 0, length);
    message(scratch, 0, length, epochMicros());
  }

  private void lines(ByteBuf buf) {
    int readable = buf.readableBytes();
    if (pending == null) {
      pending = new byte[MAX_MESSAGE];
    }
    if (pendingLength + readable > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + readable));
    }
    buf.readBytes(pending, pendingLength, readable);
    pendingLength += readable;
    long nowMicros = epochMicros();
    int start = 0;
    for (int i = 0; i < pendingLength; i++) {
      if (pending[i] == '\n') {
        message(pending, start, i, nowMicros);
        start = i + 1;
      }
    }
    pendingLength -= start;
    System.arraycopy(pending, start, pending, 0, pendingLength);
  }

  private void message(byte[] bytes, int from, int to, long nowMicros) {
    long seq = PushFields.seq(bytes, from, to);
    long ts = PushFields.ts(bytes, from, to);
    if (seq < 0 || ts < 0) {
      return;
    }
    lastSeq = seq;
    if (tally.received(seq, ts, nowMicros)) {
      counted++;
    }
  }

  static long epochMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
