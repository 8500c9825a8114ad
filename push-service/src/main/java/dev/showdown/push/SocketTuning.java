package dev.showdown.push;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.epoll.EpollSocketChannelConfig;

import java.time.Duration;

/**
 * Bounds what the kernel holds for one connection and makes it notice a vanished peer: a fixed send buffer
 * (autotuning would let a stalled reader pin up to {@code tcp_wmem}'s 4 MB before the write queue ever fills),
 * keep-alive probes after one heartbeat of silence, and a user timeout that aborts a connection whose sent data
 * stays unacknowledged for three heartbeats.
 */
final class SocketTuning {
  private static final int KEEPALIVE_PROBES = 3;

  private SocketTuning() {
  }

  static void apply(Channel channel, Duration heartbeat, int sendBufferBytes) {
    channel.config().setOption(ChannelOption.SO_KEEPALIVE, true);
    channel.config().setOption(ChannelOption.SO_SNDBUF, sendBufferBytes);
    if (channel instanceof EpollSocketChannel epoll) {
      EpollSocketChannelConfig config = epoll.config();
      int seconds = (int) Math.max(1, heartbeat.toSeconds());
      config.setTcpKeepIdle(seconds);
      config.setTcpKeepIntvl(seconds);
      config.setTcpKeepCnt(KEEPALIVE_PROBES);
      config.setTcpUserTimeout((int) Math.min(Integer.MAX_VALUE, heartbeat.toMillis() * KEEPALIVE_PROBES));
    }
  }
}
