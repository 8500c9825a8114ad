package dev.showdown.kit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.x connection's limit on how long a request may take to arrive: from its first byte until its last
 * (headers and body), at most the timeout. Past it, the client is answered 408 and the connection closed, so a
 * client that trickles or stalls a request cannot hold a connection and its buffers for ever. Time in which the
 * service itself does not read (its back-pressure) does not count, and after a protocol switch (101) the
 * connection is no longer HTTP and the limit ends.
 *
 * <p>Two handlers share the state: {@link #bytes} before the decoder sees a request begin, {@link #messages} after
 * it sees the request end and the responses. Per request that costs one clock read; the check is one timer per
 * connection, armed only while a request is arriving. A pipelined request whose first bytes came in the same read
 * as the previous one's last is timed from its next bytes; if none follow, the idle timeout closes the connection.
 */
final class RequestDeadline {
  private static final String TIMED_OUT_BODY = "{\"error\":\"request timeout\"}";
  /** Written as bytes, below the HTTP encoder, since the request it answers never became a Vert.x request. */
  private static final ByteBuf TIMED_OUT = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(
      "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nContent-Length: " + TIMED_OUT_BODY.length()
          + "\r\nConnection: close\r\n\r\n" + TIMED_OUT_BODY, StandardCharsets.US_ASCII)).asReadOnly();

  private final long timeoutNanos;
  final ChannelInboundHandlerAdapter bytes = new Bytes();
  final ChannelDuplexHandler messages = new Messages();

  private boolean arriving;
  private boolean answered;
  private boolean switched;
  private long startNanos;
  private ScheduledFuture<?> check;

  RequestDeadline(long timeoutNanos) {
    this.timeoutNanos = timeoutNanos;
  }

  private void begin(ChannelHandlerContext ctx) {
    arriving = true;
    answered = false;
    startNanos = System.nanoTime();
    if (check == null) {
      schedule(ctx, timeoutNanos);
    }
  }

  private void schedule(ChannelHandlerContext ctx, long delayNanos) {
    check = ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
  }

  private void check(ChannelHandlerContext ctx) {
    check = null;
    if (!arriving || switched || !ctx.channel().isActive()) {
      return;
    }
    long now = System.nanoTime();
    if (!ctx.channel().config().isAutoRead()) {
      // The service has stopped reading: the wait is its own, so the client's clock starts again.
      startNanos = now;
    }
    long left = startNanos + timeoutNanos - now;
    if (left > 0) {
      schedule(ctx, left);
    } else if (answered) {
      // A response is on the wire already; a second one would corrupt it.
      ctx.close();
    } else {
      ctx.writeAndFlush(TIMED_OUT.duplicate()).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private void stop() {
    arriving = false;
    if (check != null) {
      check.cancel(false);
      check = null;
    }
  }

  /** Before the decoder: the first bytes after a complete request begin the next one. */
  private final class Bytes extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!arriving && !switched) {
        begin(ctx);
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      stop();
      ctx.fireChannelInactive();
    }
  }

  /** After the decoder: the end of a request's body, and the responses the service writes. */
  private final class Messages extends ChannelDuplexHandler {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof LastHttpContent) {
        arriving = false;
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof HttpResponse response) {
        int status = response.status().code();
        if (status == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
          switched = true;
          stop();
        } else if (status >= 200) {
          answered = true;
        }
      }
      ctx.write(msg, promise);
    }
  }
}
