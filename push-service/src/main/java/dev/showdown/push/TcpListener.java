package dev.showdown.push;

import dev.showdown.kit.AdmissionGate;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.VertxInternal;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The plain TCP port, on bare Netty channels served by the Vert.x event loops: a Vert.x connection object keeps
 * several kilobytes of queues per connection that a listener which only ever receives has no use for. Each
 * accepted channel joins the shard of the loop it is registered on.
 */
final class TcpListener {
  private static final ByteBuf REFUSED = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(
      "{\"error\":\"too many connections\"}\n", StandardCharsets.US_ASCII).asReadOnly());

  private final Channel server;

  private TcpListener(Channel server) {
    this.server = server;
  }

  /** {@code subscriberOf} makes each accepted channel a subscriber: TCP ones, or for the warm-up both kinds. */
  static Future<TcpListener> start(VertxInternal vertx, String host, int port, Shards shards, PushSettings settings,
                                   PushStats stats, AdmissionGate admission, Function<Channel, Subscriber> subscriberOf) {
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(vertx.acceptorEventLoopGroup(), vertx.nettyEventLoopGroup())
        .channelFactory(vertx.transport().serverChannelFactory(false))
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel channel) {
            accept(channel, shards.of(channel.eventLoop()), settings, stats, admission, subscriberOf);
          }
        });
    Promise<TcpListener> bound = Promise.promise();
    bootstrap.bind(host, port).addListener((ChannelFutureListener) done -> {
      if (done.isSuccess()) {
        bound.complete(new TcpListener(done.channel()));
      } else {
        bound.fail(done.cause());
      }
    });
    return bound.future();
  }

  private static void accept(Channel channel, Shard shard, PushSettings settings, PushStats stats,
                             AdmissionGate admission, Function<Channel, Subscriber> subscriberOf) {
    if (!admission.tryAdmit()) {
      stats.countRefused();
      channel.writeAndFlush(REFUSED.duplicate()).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    SocketTuning.apply(channel, settings.heartbeat(), settings.writeQueueBytes());
    Subscriber subscriber = subscriberOf.apply(channel);
    channel.pipeline().addLast(new Listening(shard, subscriber, stats));
    shard.add(subscriber);
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Stops accepting; the connections stay until the shards close them. */
  Future<Void> close() {
    Promise<Void> closed = Promise.promise();
    server.close().addListener(done -> closed.complete());
    return closed.future();
  }
}
