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
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket push server that holds its clients to RFC 6455, with Netty's server side: it records each
 * upgrade's {@code Sec-WebSocket-Key} and answers the accept it derives; its frame decoder refuses unmasked
 * client frames (closing with 1002, so a pong or a close that arrives here was masked); after the upgrade it
 * pings ({@code ping-<n>}) and records the pongs, pushes a contract message every 100 ms, and on
 * {@link #goAway()} sends close 1001 and records the closes that come back.
 */
final class CheckingWebSocketServer implements AutoCloseable {
  final List<String> keys = new CopyOnWriteArrayList<>();
  final List<String> pongs = new CopyOnWriteArrayList<>();
  final List<Integer> closesEchoed = new CopyOnWriteArrayList<>();
  private final Semaphore echoes = new Semaphore(0);
  private final List<Channel> upgraded = new CopyOnWriteArrayList<>();
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel server;

  CheckingWebSocketServer() throws InterruptedException {
    WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
        .websocketPath("/push").handleCloseFrames(false).dropPongFrames(false).build();
    server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192), new KeyRecorder(),
                new WebSocketServerProtocolHandler(config), new Checker());
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Close 1001 to every client, as a service going away sends it. */
  void goAway() {
    for (Channel channel : upgraded) {
      channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE));
    }
  }

  /** Waits, within {@code bound}, until {@code count} closes came back. */
  void awaitCloses(int count, Duration bound) {
    try {
      echoes.tryAcquire(count, bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private final class KeyRecorder extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof FullHttpRequest request) {
        keys.add(request.headers().get("Sec-WebSocket-Key"));
      }
      ctx.fireChannelRead(msg);
    }
  }

  private final class Checker extends ChannelInboundHandlerAdapter {
    private long seq;

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
        upgraded.add(ctx.channel());
        ctx.writeAndFlush(new PingWebSocketFrame(Unpooled.copiedBuffer("ping-" + upgraded.size(), StandardCharsets.US_ASCII)));
        ctx.executor().scheduleAtFixedRate(() -> {
          if (ctx.channel().isActive()) {
            ctx.writeAndFlush(new TextWebSocketFrame(PushStandIn.message(++seq, PushConnection.epochMicros(), 100, false)));
          }
        }, PushStandIn.PERIOD_MS, PushStandIn.PERIOD_MS, TimeUnit.MILLISECONDS);
      }
      ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof PongWebSocketFrame pong) {
          pongs.add(pong.content().toString(StandardCharsets.US_ASCII));
        } else if (msg instanceof CloseWebSocketFrame close) {
          closesEchoed.add(close.statusCode());
          echoes.release();
          ctx.close();
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }
  }

  /** The bytes of a 101 answer with a made-up accept, for a server that does not derive it from the key. */
  static ByteBuf wrongUpgrade() {
    return Unpooled.copiedBuffer("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Accept: bm90IHRoZSByaWdodCBhY2NlcHQ=\r\n\r\n", StandardCharsets.US_ASCII);
  }
}
