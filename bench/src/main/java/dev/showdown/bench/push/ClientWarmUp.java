package dev.showdown.bench.push;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Runs the client's whole receive path, its sockets, Netty's reads and its own framing, parsing and counting,
 * over a loopback server of its own before it connects to the service. The first counted tick is the service's
 * first, cold code included, as the issue asks; the client's cold code would otherwise be added to it. Measured:
 * with the client on C1 only, the first TCP tick's slowest delivery fell from 242, 90, 203 ms to 75, 143, 63 ms
 * against the same service, so the client's compilation was part of what the service was blamed for.
 */
final class ClientWarmUp {
  static final int CONNECTIONS = 64;
  static final int ROUNDS = 500;
  private static final long ROUND_GAP_MICROS = 200;
  private static final long STEP_TIMEOUT_SECONDS = 10;
  private static final byte[] UPGRADED = "HTTP/1.1 101 Switching Protocols\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private ClientWarmUp() {
  }

  /** Returns how many pushes the client counted: all of them, or it warmed the wrong path. */
  static long run(PushTarget target, EventLoopGroup group, Class<? extends Channel> channelType,
                  Class<? extends ServerChannel> serverChannelType) throws Exception {
    List<Channel> accepted = new CopyOnWriteArrayList<>();
    Channel server = new ServerBootstrap().group(group).channel(serverChannelType)
        .childHandler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel channel) {
            if (target.webSocket()) {
              channel.writeAndFlush(Unpooled.wrappedBuffer(UPGRADED));
            }
            accepted.add(channel);
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    PushTally tally = new PushTally();
    tally.openWindow(0);
    PushTarget local = new PushTarget(target.webSocket(), "127.0.0.1", ((InetSocketAddress) server.localAddress()).getPort(), target.path());
    List<PushConnection> connections = new ArrayList<>();
    List<Channel> clients = new ArrayList<>();
    try {
      Bootstrap bootstrap = new Bootstrap().group(group).channel(channelType);
      for (int i = 0; i < CONNECTIONS; i++) {
        PushConnection connection = new PushConnection(local, tally);
        connections.add(connection);
        clients.add(bootstrap.clone().handler(connection).connect(local.host(), local.port()).sync().channel());
      }
      CompletableFuture.allOf(connections.stream().map(c -> c.ready).toArray(CompletableFuture[]::new))
          .get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      rounds(group, accepted, target);
      awaitCounted(connections);
    } finally {
      // The server's side closes first, so the clients see an end of stream, not a reset. What the clients sent
      // (the upgrade request) reached no handler and was released by the pipeline's end.
      for (Channel channel : accepted) {
        channel.close().sync();
      }
      for (Channel client : clients) {
        client.close();
      }
      server.close().sync();
    }
    return connections.stream().mapToLong(c -> c.counted).sum();
  }

  /** Every accepted channel gets one push per round; the rounds are spaced so the client reads each on its own. */
  private static void rounds(EventLoopGroup group, List<Channel> accepted, PushTarget target) throws Exception {
    for (int round = 1; round <= ROUNDS; round++) {
      ByteBuf push = Unpooled.wrappedBuffer(framed(target, message(round, PushConnection.epochMicros())));
      for (Channel channel : accepted) {
        channel.writeAndFlush(push.retainedDuplicate());
      }
      push.release();
      TimeUnit.MICROSECONDS.sleep(ROUND_GAP_MICROS);
    }
  }

  private static void awaitCounted(List<PushConnection> connections) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline && connections.stream().anyMatch(c -> c.lastSeq < ROUNDS)) {
      Thread.sleep(5);
    }
  }

  /** A message shaped as the contract says: {@code {"seq":N,"ts":T,"pad":"x..."}}, 100 bytes. */
  private static byte[] message(long seq, long ts) {
    String head = "{\"seq\":" + seq + ",\"ts\":" + ts + ",\"pad\":\"";
    return (head + "x".repeat(100 - head.length() - 2) + "\"}").getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] framed(PushTarget target, byte[] message) {
    byte[] framed = new byte[message.length + (target.webSocket() ? 2 : 1)];
    if (target.webSocket()) {
      framed[0] = (byte) 0x81;
      framed[1] = (byte) message.length;
      System.arraycopy(message, 0, framed, 2, message.length);
    } else {
      System.arraycopy(message, 0, framed, 0, message.length);
      framed[message.length] = '\n';
    }
    return framed;
  }
}
