package dev.showdown.grpc;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import dev.showdown.kit.NetTransport;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** The Netty transport the gRPC server runs on, as the kit's {@code --transport} flag names it. */
record Transport(String name, IoHandlerFactory ioHandlers, Class<? extends ServerChannel> serverChannel) {

  /** Native is epoll where the platform has it, else NIO; io_uring fails here, with the reason, where it cannot load. */
  static Transport choose(NetTransport wanted) {
    return switch (wanted) {
      case NATIVE -> Epoll.isAvailable() ? epoll() : nio();
      case IO_URING -> {
        if (!IoUring.isAvailable()) {
          throw new IllegalStateException("io_uring transport unavailable: " + IoUring.unavailabilityCause());
        }
        yield new Transport("io_uring", IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class);
      }
      case NIO -> nio();
    };
  }

  private static Transport epoll() {
    return new Transport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class);
  }

  private static Transport nio() {
    return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class);
  }

  /** Non-daemon threads: they are what keeps the JVM alive once {@code main} returns. */
  EventLoopGroup newEventLoops(int threads) {
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("grpc-loop", false), ioHandlers);
  }
}
