package dev.showdown.push;

import io.netty.channel.Channel;

/**
 * A plain TCP listener on a bare Netty channel: each push is the message followed by a newline, written from
 * the one buffer every connection shares; liveness is TCP keep-alive's job. The channel's write-buffer high-water
 * mark is the write queue, so "full" is Netty's own unwritable state.
 */
final class TcpSubscriber extends Subscriber {
  private final Channel channel;

  TcpSubscriber(Channel channel) {
    this.channel = channel;
  }

  @Override
  Protocol protocol() {
    return Protocol.TCP;
  }

  @Override
  boolean writeQueueFull() {
    return !channel.isWritable();
  }

  @Override
  void push(Tick tick) {
    channel.writeAndFlush(tick.tcpLine(), channel.voidPromise());
  }

  @Override
  boolean heartbeat() {
    return true;
  }

  @Override
  void close() {
    channel.close();
  }
}
