package dev.showdown.bench.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpResponseDecoder;

/** A load connection's pipeline: raw request bytes out, decoded responses in. */
final class LoadChannelInitializer extends ChannelInitializer<Channel> {
  private final LoadConnection connection;

  LoadChannelInitializer(LoadConnection connection) {
    this.connection = connection;
  }

  @Override
  protected void initChannel(Channel channel) {
    channel.pipeline().addLast(new HttpResponseDecoder(), connection);
  }
}
