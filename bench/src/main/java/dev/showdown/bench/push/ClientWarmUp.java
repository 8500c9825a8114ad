package dev.showdown.bench.push;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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

  private ClientWarmUp() {
  }

  /** Returns how many pushes the client counted: all of them, or it warmed the wrong path. */
  static long run(PushTarget target, EventLoopGroup group, Class<? extends Channel> channelType,
                  Class<? extends ServerChannel> serverChannelType) throws Exception {
    List<Channel> accepted = new CopyOnWriteArrayList<>();
    CountDownLatch upgraded = new CountDownLatch(CONNECTIONS);
    Channel server = new ServerBootstrap().group(group).channel(serverChannelType)
        .childHandler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel channel) {
            // Listed before it is counted as up: the rounds start once all are, and must reach every one.
            accepted.add(channel);
            if (target.webSocket()) {
              // A real upgrade, since the client checks the accept: Netty's server side of the handshake.
              channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192),
                  new WebSocketServerProtocolHandler(target.path()), new Upgraded(upgraded));
            } else {
              upgraded.countDown();
            }
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    PushTally tally = new PushTally();
    tally.openWindow(0);
    PushTarget local = new PushTarget(target.webSocket(), "127.0.0.1", ((InetSocketAddress) server.localAddress()).getPort(), target.path());
    List<PushConnection> connections = new ArrayList<>();
    List<Channel> clients = new ArrayList<>();
    WebSocketClientPipeline webSocket = target.webSocket() ? new WebSocketClientPipeline(local) : null;
    try {
      Bootstrap bootstrap = new Bootstrap().group(group).channel(channelType);
      for (int i = 0; i < CONNECTIONS; i++) {
        PushConnection connection = new PushConnection(tally, webSocket);
        connections.add(connection);
        clients.add(bootstrap.clone().handler(connection.handler()).connect(local.host(), local.port()).sync().channel());
      }
      CompletableFuture.allOf(connections.stream().map(c -> c.ready).toArray(CompletableFuture[]::new))
          .get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!upgraded.await(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the warm-up server upgraded " + (CONNECTIONS - upgraded.getCount()) + " of " + CONNECTIONS);
      }
      rounds(group, accepted, target);
      awaitCounted(connections);
    } finally {
      // The server's side closes first, so the clients see an end of stream, not a reset.
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
      byte[] message = message(round, PushConnection.epochMicros());
      ByteBuf push = Unpooled.wrappedBuffer(target.webSocket() ? message : line(message));
      for (Channel channel : accepted) {
        channel.writeAndFlush(target.webSocket() ? new TextWebSocketFrame(push.retainedDuplicate()) : push.retainedDuplicate());
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

  private static byte[] line(byte[] message) {
    byte[] line = Arrays.copyOf(message, message.length + 1);
    line[message.length] = '\n';
    return line;
  }

  /** Counts the server side's finished upgrades. */
  private static final class Upgraded extends ChannelInboundHandlerAdapter {
    private final CountDownLatch upgraded;

    Upgraded(CountDownLatch upgraded) {
      this.upgraded = upgraded;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
        upgraded.countDown();
      }
      ctx.fireUserEventTriggered(event);
    }
  }
}
