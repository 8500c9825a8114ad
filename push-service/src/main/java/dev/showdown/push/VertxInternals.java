package dev.showdown.push;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.ShutdownEvent;
import io.vertx.core.net.impl.VertxHandler;

/**
 * The one place push-service reaches past Vert.x's public API, so that a Vert.x upgrade which moves or changes
 * these internals breaks here, and {@code VertxInternalsTest} names the piece that went. Each take-over is worth
 * it for the heap a subscriber no longer holds (README, "Measured here": live heap per connection, by build):
 * <ul>
 *   <li>Vert.x's event loops, acceptor loops and transport, so that a TCP subscriber is a bare Netty channel on
 *   the loops and transport Vert.x runs, not a {@code NetSocket} with its eagerly allocated message queue;</li>
 *   <li>an HTTP connection's channel and Vert.x's handler on it, so that an upgraded WebSocket leaves Vert.x's
 *   WebSocket object (two message queues and a frame assembler) for the subscriber's own handler;</li>
 *   <li>the HTTP server's graceful-stop event, so that those taken-over WebSockets leave when the server stops
 *   instead of holding its stop for the whole grace period.</li>
 * </ul>
 */
final class VertxInternals {
  private final VertxInternal vertx;

  private VertxInternals(VertxInternal vertx) {
    this.vertx = vertx;
  }

  static VertxInternals of(Vertx vertx) {
    return new VertxInternals((VertxInternal) vertx);
  }

  /** The event loops Vert.x serves its connections on. */
  EventLoopGroup eventLoops() {
    return vertx.nettyEventLoopGroup();
  }

  /** The loops Vert.x accepts connections on. */
  EventLoopGroup acceptors() {
    return vertx.acceptorEventLoopGroup();
  }

  /** Server sockets of the transport Vert.x runs (epoll, io_uring, NIO). */
  ChannelFactory<? extends ServerChannel> serverChannels() {
    return vertx.transport().serverChannelFactory(false);
  }

  /** Client sockets of the transport Vert.x runs. */
  ChannelFactory<? extends Channel> clientChannels() {
    return vertx.transport().channelFactory(false);
  }

  static Channel channelOf(HttpConnection connection) {
    return ((ConnectionBase) connection).channel();
  }

  /**
   * Tells Vert.x that the upgraded connection on {@code channel} has ended (its connection and WebSocket gauges
   * then count only what it still serves) and takes its handler, the last of the pipeline, out of the channel,
   * which stays open for the next last handler. On the channel's event loop, so that no read comes in between.
   */
  static void release(Channel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    ChannelHandlerContext vertx = pipeline.context(VertxHandler.class);
    if (vertx == null || pipeline.lastContext() != vertx) {
      throw new IllegalStateException("Vert.x's VertxHandler is not the last handler of " + pipeline.names());
    }
    ((VertxHandler<?>) vertx.handler()).channelInactive(vertx);
    pipeline.remove(vertx.handler());
  }

  /** Whether a user event on a channel Vert.x accepted is its HTTP server announcing a graceful stop. */
  static boolean isGracefulStop(Object event) {
    return event instanceof ShutdownEvent;
  }
}
