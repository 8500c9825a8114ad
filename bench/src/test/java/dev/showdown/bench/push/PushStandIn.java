package dev.showdown.bench.push;

import io.netty.bootstrap.ServerBootstrap;
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
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A push server that gets something wrong on purpose: every 100 ms it sends each connection what {@code message}
 * makes of (seq, ts) (null: nothing), over plain TCP as a line or over WebSocket as the frame {@code frame} wraps
 * it in.
 */
final class PushStandIn implements AutoCloseable {
  static final long PERIOD_MS = 100;

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel server;

  private PushStandIn(boolean webSocket, BiFunction<Long, Long, String> message, Function<String, WebSocketFrame> frame)
      throws InterruptedException {
    server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (webSocket) {
              ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192),
                  new WebSocketServerProtocolHandler("/push"), new Pusher(message, text -> frame.apply(text)));
            } else {
              ch.pipeline().addLast(new Pusher(message, text -> Unpooled.copiedBuffer(text + "\n", StandardCharsets.ISO_8859_1)));
              ch.pipeline().fireUserEventTriggered(Pusher.START);
            }
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
  }

  static PushStandIn tcp(BiFunction<Long, Long, String> message) throws InterruptedException {
    return new PushStandIn(false, message, null);
  }

  static PushStandIn webSocket(BiFunction<Long, Long, String> message, Function<String, WebSocketFrame> frame)
      throws InterruptedException {
    return new PushStandIn(true, message, frame);
  }

  /** A message of {@code size} bytes: {@code {"seq":N,"ts":T,"pad":"xxx"}}, spaced after each colon when asked. */
  static String message(long seq, long ts, int size, boolean spaced) {
    String colon = spaced ? ": " : ":";
    String comma = spaced ? ", " : ",";
    String head = "{\"seq\"" + colon + seq + comma + "\"ts\"" + colon + ts + comma + "\"pad\"" + colon + "\"";
    return head + "x".repeat(size - head.length() - 2) + "\"}";
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Starts sending on {@link #START} (TCP) or once the WebSocket handshake is done. */
  private static final class Pusher extends ChannelInboundHandlerAdapter {
    static final Object START = new Object();
    private final BiFunction<Long, Long, String> message;
    private final Function<String, Object> wrap;
    private long seq;

    Pusher(BiFunction<Long, Long, String> message, Function<String, Object> wrap) {
      this.message = message;
      this.wrap = wrap;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event == START || event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
        ctx.executor().scheduleAtFixedRate(() -> {
          String text = message.apply(++seq, PushConnection.epochMicros());
          if (text != null && ctx.channel().isActive()) {
            ctx.writeAndFlush(wrap.apply(text));
          }
        }, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
      }
      ctx.fireUserEventTriggered(event);
    }
  }
}
