package dev.showdown.bench.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;

/** A load connection's pipeline: raw request bytes out, raw response bytes in (parsed by the connection). */
final class LoadChannelInitializer extends ChannelInitializer<Channel> {
  private final LoadConnection connection;

  LoadChannelInitializer(LoadConnection connection) {
    this.connection = connection;
  }

  @Override
  protected void initChannel(Channel channel) {
    channel.pipeline().addLast(connection);
  }
}
