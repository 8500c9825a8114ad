package dev.showdown.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * One keep-alive connection of the built-in generator: one request in flight at a time, sent as soon as the
 * previous answer arrives (closed loop) or at its intended time (constant rate, latency counted from the
 * intended time so a slow server cannot hide its queue). Reconnects when the server closes. Its counters are
 * touched only by its own event loop and read after the loop has stopped.
 */
@ChannelHandler.Sharable // one channel at a time: a reconnect replaces the closed one
final class LoadConnection extends ChannelInboundHandlerAdapter {
  private static final long TIMEOUT_CHECK_MS = 250;

  final Histogram latencyMicros = new Histogram(3);
  long requests;
  long non2xx;
  long connectErrors;
  long readErrors;
  long timeouts;

  private final Bootstrap bootstrap;
  private final LoadWindow window;
  private final RequestSource source;
  private final long periodNanos;
  private final long timeoutNanos;
  private long intendedNanos;
  private long sentNanos;
  private boolean inFlight;
  private ResponseParser parser;
  private ScheduledFuture<?> timeoutCheck;

  LoadConnection(Bootstrap bootstrap, LoadWindow window, RequestSource source, HttpLoad load, int index) {
    this.bootstrap = bootstrap;
    this.window = window;
    this.source = source;
    this.timeoutNanos = load.timeout().toNanos();
    if (load.constantRate()) {
      periodNanos = (long) (1e9 * load.connections() / load.rate());
      intendedNanos = window.startNanos + periodNanos * index / load.connections();
    } else {
      periodNanos = 0;
    }
  }

  ChannelFuture connect() {
    ChannelFuture connecting = bootstrap.clone().handler(new LoadChannelInitializer(this)).connect();
    connecting.addListener(f -> {
      if (!f.isSuccess()) {
        connectErrors++;
        if (window.running()) {
          connecting.channel().eventLoop().schedule(this::connect, 100, TimeUnit.MILLISECONDS);
        }
      }
    });
    return connecting;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    inFlight = false;
    parser = new ResponseParser();
    timeoutCheck = ctx.executor().scheduleAtFixedRate(() -> checkTimeout(ctx),
        TIMEOUT_CHECK_MS, TIMEOUT_CHECK_MS, TimeUnit.MILLISECONDS);
    next(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    ByteBuf in = (ByteBuf) message;
    try {
      while (in.isReadable() && parser.parse(in)) {
        answered(ctx, parser.status());
      }
    } catch (IllegalStateException e) {
      readErrors++;
      ctx.close();
    } finally {
      ReferenceCountUtil.release(in);
    }
  }

  private void answered(ChannelHandlerContext ctx, int status) {
    if (!inFlight) {
      return;
    }
    inFlight = false;
    long now = System.nanoTime();
    window.answered.increment();
    if (window.counts(now)) {
      requests++;
      if (status < 200 || status > 299) {
        non2xx++;
      }
      long from = periodNanos > 0 ? intendedNanos : sentNanos;
      latencyMicros.recordValue(Math.max(0, (now - from) / 1000));
    }
    next(ctx);
  }

  private void next(ChannelHandlerContext ctx) {
    if (!window.running() || !ctx.channel().isActive()) {
      return;
    }
    if (periodNanos == 0) {
      send(ctx);
      return;
    }
    if (inFlight || sentNanos != 0) {
      intendedNanos += periodNanos;
    }
    long delay = intendedNanos - System.nanoTime();
    if (delay <= 0) {
      send(ctx);
    } else {
      ctx.executor().schedule(() -> send(ctx), delay, TimeUnit.NANOSECONDS);
    }
  }

  private void send(ChannelHandlerContext ctx) {
    if (!window.running() || inFlight || !ctx.channel().isActive()) {
      return;
    }
    inFlight = true;
    sentNanos = System.nanoTime();
    ctx.writeAndFlush(source.next(), ctx.voidPromise());
  }

  private void checkTimeout(ChannelHandlerContext ctx) {
    if (inFlight && System.nanoTime() - sentNanos > timeoutNanos) {
      inFlight = false;
      if (window.running()) {
        timeouts++;
      }
      ctx.close();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (timeoutCheck != null) {
      timeoutCheck.cancel(false);
    }
    if (inFlight && window.running()) {
      readErrors++;
    }
    inFlight = false;
    if (window.running()) {
      connect();
    }
  }
}
