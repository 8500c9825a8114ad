package dev.showdown.push;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The plain TCP port, on bare Netty channels served by the Vert.x event loops: a Vert.x connection object keeps
 * several kilobytes of queues per connection that a subscriber which only ever receives has no use for. Each
 * accepted channel joins the shard of the loop it is registered on.
 */
final class TcpServer {
  private static final ByteBuf REFUSED = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(
      "{\"error\":\"too many connections\"}\n", StandardCharsets.US_ASCII).asReadOnly());

  /**
   * Where to listen, and what becomes of an accepted channel: {@code subscriberOf} makes it a subscriber (TCP
   * ones, or for the warm-up both kinds) for {@code intake} to join.
   */
  record Settings(String host, int port, SubscriberIntake intake, Function<Channel, Subscriber> subscriberOf) {
  }

  private final Channel server;

  private TcpServer(Channel server) {
    this.server = server;
  }

  static Future<TcpServer> start(VertxInternals vertx, Settings settings) {
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(vertx.acceptors(), vertx.eventLoops())
        .channelFactory(vertx.serverChannels())
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel channel) {
            accept(channel, settings);
          }
        });
    Promise<TcpServer> bound = Promise.promise();
    bootstrap.bind(settings.host(), settings.port()).addListener((ChannelFutureListener) done -> {
      if (done.isSuccess()) {
        bound.complete(new TcpServer(done.channel()));
      } else {
        bound.fail(done.cause());
      }
    });
    return bound.future();
  }

  private static void accept(Channel channel, Settings settings) {
    if (!settings.intake().admit()) {
      channel.writeAndFlush(REFUSED.duplicate()).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    settings.intake().join(settings.subscriberOf().apply(channel));
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
