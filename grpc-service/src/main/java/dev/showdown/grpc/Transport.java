package dev.showdown.grpc;

import dev.showdown.kit.NetTransport;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** The Netty transport the gRPC server runs on: the one the kit's {@code --transport} flag chooses for Vert.x. */
record Transport(String name, IoHandlerFactory ioHandlers, ChannelFactory<? extends ServerChannel> serverChannels) {

  /** Fails, with the reason, when io_uring is wanted and the kernel refuses it. */
  static Transport choose(NetTransport wanted) {
    io.vertx.core.transport.Transport chosen = wanted.vertxTransport();
    return new Transport(chosen.name(), chosen.implementation().ioHandlerFactory(),
        chosen.implementation().serverChannelFactory(false));
  }

  /** Non-daemon threads: they are what keeps the JVM alive once {@code main} returns. */
  EventLoopGroup newEventLoops(int threads) {
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("grpc-loop", false), ioHandlers);
  }
}
