package dev.showdown.push;

import dev.showdown.push.core.EncodedPush;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * A plain TCP subscriber: each push is the message followed by a newline, written from the one buffer every
 * connection shares; liveness is TCP keep-alive's job.
 */
final class TcpSubscriber extends Subscriber {
  TcpSubscriber(Channel channel) {
    super(channel);
  }

  @Override
  Protocol protocol() {
    return Protocol.TCP;
  }

  @Override
  ByteBuf encoded(EncodedPush push) {
    return push.tcpLine();
  }

  @Override
  boolean heartbeat() {
    return true;
  }
}
