package dev.showdown.push;

import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.channel.uring.IoUringSocketChannel;

import java.time.Duration;

/**
 * Bounds what one connection may hold and makes it notice a vanished peer: the write queue as the channel's
 * write-buffer high-water mark, a fixed send buffer of the same size (autotuning would let a stalled reader pin
 * up to {@code tcp_wmem}'s maximum before the write queue ever fills),
 * keep-alive probes after one heartbeat of silence, and a user timeout that aborts a connection whose sent data
 * stays unacknowledged for three heartbeats. The probe timings need a native transport; NIO keeps the system's.
 */
final class SocketTuning {
  private static final int KEEPALIVE_PROBES = 3;

  private SocketTuning() {
  }

  static void apply(Channel channel, Duration heartbeat, int writeQueueBytes) {
    ChannelConfig config = channel.config();
    config.setWriteBufferWaterMark(new WriteBufferWaterMark(writeQueueBytes / 2, writeQueueBytes));
    config.setOption(ChannelOption.SO_KEEPALIVE, true);
    config.setOption(ChannelOption.SO_SNDBUF, writeQueueBytes);
    int seconds = (int) Math.max(1, heartbeat.toSeconds());
    int userTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, heartbeat.toMillis() * KEEPALIVE_PROBES);
    if (channel instanceof EpollSocketChannel) {
      probes(config, EpollChannelOption.TCP_KEEPIDLE, EpollChannelOption.TCP_KEEPINTVL, EpollChannelOption.TCP_KEEPCNT,
          EpollChannelOption.TCP_USER_TIMEOUT, seconds, userTimeoutMillis);
    } else if (channel instanceof IoUringSocketChannel) {
      probes(config, IoUringChannelOption.TCP_KEEPIDLE, IoUringChannelOption.TCP_KEEPINTVL,
          IoUringChannelOption.TCP_KEEPCNT, IoUringChannelOption.TCP_USER_TIMEOUT, seconds, userTimeoutMillis);
    }
  }

  /** Each native transport names the same socket options with its own constants. */
  private static void probes(ChannelConfig config, ChannelOption<Integer> idle, ChannelOption<Integer> interval,
                             ChannelOption<Integer> count, ChannelOption<Integer> userTimeout, int seconds,
                             int userTimeoutMillis) {
    config.setOption(idle, seconds);
    config.setOption(interval, seconds);
    config.setOption(count, KEEPALIVE_PROBES);
    config.setOption(userTimeout, userTimeoutMillis);
  }
}
