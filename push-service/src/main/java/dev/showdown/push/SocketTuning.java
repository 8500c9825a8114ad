package dev.showdown.push;

import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.channel.uring.IoUringSocketChannel;

import java.time.Duration;

/**
 * Bounds what the kernel holds for one connection and makes it notice a vanished peer: a fixed send buffer
 * (autotuning would let a stalled reader pin up to {@code tcp_wmem}'s 4 MB before the write queue ever fills),
 * keep-alive probes after one heartbeat of silence, and a user timeout that aborts a connection whose sent data
 * stays unacknowledged for three heartbeats. The probe timings need a native transport; NIO keeps the system's.
 */
final class SocketTuning {
  private static final int KEEPALIVE_PROBES = 3;

  private SocketTuning() {
  }

  static void apply(Channel channel, Duration heartbeat, int sendBufferBytes) {
    ChannelConfig config = channel.config();
    config.setOption(ChannelOption.SO_KEEPALIVE, true);
    config.setOption(ChannelOption.SO_SNDBUF, sendBufferBytes);
    int seconds = (int) Math.max(1, heartbeat.toSeconds());
    int userTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, heartbeat.toMillis() * KEEPALIVE_PROBES);
    if (channel instanceof EpollSocketChannel) {
      config.setOption(EpollChannelOption.TCP_KEEPIDLE, seconds);
      config.setOption(EpollChannelOption.TCP_KEEPINTVL, seconds);
      config.setOption(EpollChannelOption.TCP_KEEPCNT, KEEPALIVE_PROBES);
      config.setOption(EpollChannelOption.TCP_USER_TIMEOUT, userTimeoutMillis);
    } else if (channel instanceof IoUringSocketChannel) {
      config.setOption(IoUringChannelOption.TCP_KEEPIDLE, seconds);
      config.setOption(IoUringChannelOption.TCP_KEEPINTVL, seconds);
      config.setOption(IoUringChannelOption.TCP_KEEPCNT, KEEPALIVE_PROBES);
      config.setOption(IoUringChannelOption.TCP_USER_TIMEOUT, userTimeoutMillis);
    }
  }
}
