package dev.showdown.bench.push;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push client's WebSocket side against servers it did not write: a random key per connection, an accept it
 * checks, masked frames (the server refuses others), pings answered, a close echoed.
 */
class WebSocketClientTest {
  private static final int CONNECTIONS = 8;
  private static final Duration INTERVAL = Duration.ofMillis(PushStandIn.PERIOD_MS);

  @Test
  void keepsToTheProtocolWithAServerThatChecks() throws Exception {
    try (CheckingWebSocketServer server = new CheckingWebSocketServer()) {
      PushResult result = new PushClient(new PushTarget(true, "127.0.0.1", server.port(), "/push"), load(), line -> { })
          .run(() -> { }, () -> awaitEchoes(server));

      assertThat(result.established()).isEqualTo(CONNECTIONS);
      assertThat(result.received()).isPositive();
      assertThat(server.keys).hasSize(CONNECTIONS).doesNotHaveDuplicates()
          .allSatisfy(key -> assertThat(Base64.getDecoder().decode(key)).hasSize(16));
      assertThat(new HashSet<>(server.pongs)).as("every ping answered with its payload, masked")
          .hasSize(CONNECTIONS).allSatisfy(pong -> assertThat(pong).startsWith("ping-"));
      assertThat(server.closesEchoed).as("every close echoed with its status, masked").hasSize(CONNECTIONS)
          .containsOnly(1001);
    }
  }

  @Test
  void refusesAnUpgradeWhoseAcceptDoesNotMatchItsKey() throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                  ((ByteBuf) msg).release();
                  // Any request gets a 101 with a made-up accept, then pushes a client must not count.
                  ctx.writeAndFlush(CheckingWebSocketServer.wrongUpgrade());
                  ctx.executor().scheduleAtFixedRate(() -> ctx.writeAndFlush(textFrame(
                      PushStandIn.message(1, PushConnection.epochMicros(), 100, false))), 0, PushStandIn.PERIOD_MS, TimeUnit.MILLISECONDS);
                }
              });
            }
          })
          .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
      PushResult result = new PushClient(new PushTarget(true, "127.0.0.1", ((InetSocketAddress) server.localAddress()).getPort(), "/push"),
          load(), line -> { }).run(() -> { }, () -> { });

      assertThat(result.established()).isZero();
      assertThat(result.firstFailure()).contains("Invalid challenge");
      server.close().sync();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  private static PushLoad load() {
    return new PushLoad(CONNECTIONS, Duration.ofMillis(500), INTERVAL, 1, 1, CONNECTIONS, 1);
  }

  /** At the hold's end, while the connections are open: the server says going away; each client must answer. */
  private static void awaitEchoes(CheckingWebSocketServer server) {
    server.goAway();
    server.awaitCloses(CONNECTIONS, Duration.ofSeconds(10));
  }

  /** An unmasked text frame as a server sends it, written by hand since this server has no WebSocket codec. */
  private static ByteBuf textFrame(String text) {
    byte[] payload = text.getBytes(StandardCharsets.US_ASCII);
    return Unpooled.buffer(2 + payload.length).writeByte(0x81).writeByte(payload.length).writeBytes(payload);
  }
}
