package dev.showdown.push;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The last handler of every subscriber's channel, whatever the protocol: hands what the peer sends to its
 * subscriber, takes a closed channel out of its shard, and counts errors instead of logging them.
 */
final class SubscriberHandler extends ChannelInboundHandlerAdapter {
  private final Shard shard;
  private final Subscriber subscriber;
  private final PushStats stats;

  SubscriberHandler(Shard shard, Subscriber subscriber, PushStats stats) {
    this.shard = shard;
    this.subscriber = subscriber;
    this.stats = stats;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    subscriber.received(ctx, msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    shard.remove(subscriber);
  }

  /** A reset, a failed write or a malformed frame: counted, not logged, and the channel closed. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    stats.countSocketError();
    subscriber.abort(cause);
  }

  /**
   * The HTTP server's graceful stop waits for every channel it accepted, WebSockets taken over included, so
   * those leave when it announces the stop rather than holding it for the whole grace period.
   */
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (VertxInternals.isGracefulStop(event)) {
      subscriber.close();
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }
}
