package dev.showdown.bench.push;

import dev.showdown.bench.verify.Check;
import dev.showdown.bench.verify.Verification;
import dev.showdown.bench.verify.Verifier;
import dev.showdown.kit.Durations;
import dev.showdown.kit.ServiceMain;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Connects one client to a push endpoint and checks two consecutive pushes by {@link PushContract}: over plain
 * TCP with a socket, over WebSocket with Netty's own client (handshake with a random key and a checked accept,
 * masked frames, pings answered, close echoed).
 */
public final class PushVerifier implements Verifier {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final String subject;
  private final PushTarget target;
  private final Duration wait;

  /** {@code wait}: how long two pushes may take to come (two intervals and a margin). */
  public PushVerifier(String subject, PushTarget target, Duration wait) {
    this.subject = subject;
    this.target = target;
    this.wait = wait;
  }

  @Override
  public Verification verify() {
    List<Check> checks = new ArrayList<>();
    List<PushContract.Received> pushes = new ArrayList<>();
    String connect = "connect to " + target.url();
    try {
      if (target.webSocket() ? webSocket(checks, pushes) : tcp(checks, pushes)) {
        checks.addAll(PushContract.check(target.webSocket(), pushes, "within " + Durations.format(wait)));
      }
    } catch (IOException e) {
      checks.add(Check.fail(connect, "a connection", ServiceMain.reason(e)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      checks.add(Check.fail(connect, "pushes", "interrupted"));
    }
    return new Verification(subject, checks);
  }

  /** Reads up to two lines; true once connected. */
  private boolean tcp(List<Check> checks, List<PushContract.Received> pushes) throws IOException {
    long deadline = System.nanoTime() + wait.toNanos();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(target.host(), target.port()), (int) CONNECT_TIMEOUT.toMillis());
      checks.add(Check.pass("connect to " + target.url(), "connected"));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      while (pushes.size() < PushContract.PUSHES) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return true;
        }
        socket.setSoTimeout((int) left);
        int b;
        try {
          b = in.read();
        } catch (SocketTimeoutException e) {
          return true;
        }
        if (b < 0) {
          return true;
        }
        if (b == '\n') {
          byte[] payload = line.toByteArray();
          pushes.add(new PushContract.Received(payload, PushContract.framing(false, payload.length), PushConnection.epochMicros()));
          line.reset();
        } else if (line.size() <= 64 * 1024) {
          line.write(b);
        }
      }
      return true;
    }
  }

  /** Upgrades and reads up to two frames; true once upgraded. */
  private boolean webSocket(List<Check> checks, List<PushContract.Received> pushes) throws IOException, InterruptedException {
    BlockingQueue<PushContract.Received> received = new LinkedBlockingQueue<>();
    CompletableFuture<Void> upgraded = new CompletableFuture<>();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
          .webSocketUri(URI.create(target.url()))
          .handshakeTimeoutMillis(CONNECT_TIMEOUT.toMillis())
          .build();
      Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                  new WebSocketClientProtocolHandler(config), new Frames(received, upgraded));
            }
          })
          .connect(target.host(), target.port()).sync().channel();
      try {
        upgraded.get(CONNECT_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        checks.add(Check.pass("WebSocket upgrade", "101, Sec-WebSocket-Accept matches the key"));
      } catch (Exception e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        checks.add(Check.fail("WebSocket upgrade", "101 Switching Protocols with the right Sec-WebSocket-Accept",
            ServiceMain.reason(cause)));
        channel.close();
        return false;
      }
      long deadline = System.nanoTime() + wait.toNanos();
      while (pushes.size() < PushContract.PUSHES) {
        PushContract.Received push = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (push == null) {
          break;
        }
        pushes.add(push);
      }
      channel.close().sync();
      return true;
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(ServiceMain.reason(e), e);
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  /** Hands each data frame on with its arrival time; tells when the upgrade is done or failed. */
  private static final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {
    private final BlockingQueue<PushContract.Received> received;
    private final CompletableFuture<Void> upgraded;

    Frames(BlockingQueue<PushContract.Received> received, CompletableFuture<Void> upgraded) {
      this.received = received;
      this.upgraded = upgraded;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
      long now = PushConnection.epochMicros();
      byte[] payload = ByteBufUtil.getBytes(frame.content());
      boolean right = frame instanceof TextWebSocketFrame && frame.isFinalFragment();
      String framing = right ? PushContract.framing(true, payload.length)
          : (frame.isFinalFragment() ? "a final " : "a non-final ") + frame.getClass().getSimpleName() + " of " + payload.length + " bytes";
      received.add(new PushContract.Received(payload, framing, now));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
      if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
        upgraded.complete(null);
      } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
        upgraded.completeExceptionally(new IOException("no upgrade answer within " + CONNECT_TIMEOUT.toSeconds() + " s"));
      }
      super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      upgraded.completeExceptionally(cause);
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      upgraded.completeExceptionally(new IOException("connection closed before the upgrade"));
    }
  }
}
