package dev.showdown.grpc;

import dev.showdown.kit.NetTransport;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.vertx.core.transport.Transport;

/**
 * The Netty event loops and server channels the gRPC server runs on: those of the Vert.x {@link Transport} that the
 * kit's {@code --transport} flag ({@link NetTransport}) chooses.
 */
record GrpcTransport(String name, IoHandlerFactory ioHandlers, ChannelFactory<? extends ServerChannel> serverChannels) {

  /** Fails, with the reason, when io_uring is wanted and the kernel refuses it. */
  static GrpcTransport choose(NetTransport wanted) {
    Transport chosen = wanted.vertxTransport();
    return new GrpcTransport(chosen.name(), chosen.implementation().ioHandlerFactory(),
        chosen.implementation().serverChannelFactory(false));
  }

  /** Non-daemon threads: they are what keeps the JVM alive once {@code main} returns. */
  EventLoopGroup newEventLoops(int threads) {
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("grpc-loop", false), ioHandlers);
  }
}
