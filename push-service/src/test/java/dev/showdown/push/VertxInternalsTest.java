package dev.showdown.push;

import dev.showdown.kit.HttpService;
import dev.showdown.kit.MetricSamples;
import dev.showdown.kit.RawHttp;
import dev.showdown.kit.RunningService;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every take-over of {@link VertxInternals} against a real Vert.x, so that an upgrade which changes one of them
 * fails here by name rather than as a subscriber that leaks, is counted twice, or holds the stop.
 */
class VertxInternalsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CONNECTIONS = "vertx_http_server_active_connections";
  private static final String WEB_SOCKETS = "vertx_http_server_active_ws_connections";

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  void theEventLoopsAcceptorsAndTransportServeABareNettyServerAndClient() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setPreferNativeTransport(true));
    toClose.add(() -> vertx.close().await());
    VertxInternals internals = VertxInternals.of(vertx);
    List<EventExecutor> loops = new ArrayList<>();
    internals.eventLoops().forEach(loops::add);
    assertThat(loops).as("eventLoops(): Vert.x's event loops, as many as configured").hasSize(2);

    CompletableFuture<EventLoop> acceptedOn = new CompletableFuture<>();
    Channel server = new ServerBootstrap().group(internals.acceptors(), internals.eventLoops())
        .channelFactory(internals.serverChannels())
        .childHandler(new ChannelInboundHandlerAdapter() {
          @Override
          public void channelActive(ChannelHandlerContext ctx) {
            acceptedOn.complete(ctx.channel().eventLoop());
          }
        })
        .bind("127.0.0.1", 0).sync().channel();
    toClose.add(() -> server.close().sync());
    Channel client = new Bootstrap().group(internals.eventLoops()).channelFactory(internals.clientChannels())
        .handler(new ChannelInboundHandlerAdapter()).connect(server.localAddress()).sync().channel();
    toClose.add(() -> client.close().sync());

    assertThat(acceptedOn.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .as("acceptors() and serverChannels(): a connection accepted onto one of Vert.x's loops").isIn(loops);
    assertThat(server instanceof NioServerSocketChannel)
        .as("serverChannels(): the transport Vert.x runs (native: %s)", vertx.isNativeTransportEnabled())
        .isEqualTo(!vertx.isNativeTransportEnabled());
    assertThat(loops).as("clientChannels() on eventLoops()").contains(client.eventLoop());
  }

  /** The gauges are read over one raw HTTP connection, so the reader's own connections stay one. */
  @Test
  void aReleasedWebSocketLeavesVertxsGaugesAndIsServedByTheHandlerAddedAfter() throws Exception {
    TakingOver service = start();
    RawHttp gauges = RawHttp.connect(service.running.port());
    toClose.add(gauges);
    double connections = metric(gauges, CONNECTIONS);
    try (RawWebSocket webSocket = RawWebSocket.connect(service.running.port())) {
      Channel channel = service.upgraded.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(channel.isActive()).as("channelOf(): the request's open channel").isTrue();
      assertThat(metric(gauges, CONNECTIONS)).as("Vert.x counts the upgraded connection").isEqualTo(connections + 1);
      assertThat(metric(gauges, WEB_SOCKETS)).as("Vert.x counts the upgraded WebSocket").isEqualTo(1);

      service.release(channel);

      assertThat(metric(gauges, CONNECTIONS)).as("release(): Vert.x's connection gauge drops").isEqualTo(connections);
      assertThat(metric(gauges, WEB_SOCKETS)).as("release(): Vert.x's WebSocket gauge drops").isZero();
      webSocket.send(RawWebSocket.TEXT, "still here".getBytes(StandardCharsets.UTF_8));
      assertThat(webSocket.readUntil(RawWebSocket.TEXT).text())
          .as("release(): the channel stays open for the handler added after it").isEqualTo("still here");
    }
  }

  @Test
  void aReleasedWebSocketSeesTheServersGracefulStop() throws Exception {
    TakingOver service = start();
    try (RawWebSocket webSocket = RawWebSocket.connect(service.running.port())) {
      service.release(service.upgraded.get(WAIT.toSeconds(), TimeUnit.SECONDS));

      // A grace far longer than the wait: the stop completes in time only if the event reached the handler.
      CompletableFuture<Void> stopped = service.running.server().stop(Duration.ofMinutes(5)).toCompletionStage()
          .toCompletableFuture();

      assertThat(service.gracefulStopSeen).as("isGracefulStop(): the HTTP server's stop event").succeedsWithin(WAIT);
      assertThat(stopped).as("the stop, once the released channel closed").succeedsWithin(WAIT);
      assertThat(webSocket.closedByPeer()).isTrue();
    }
  }

  private static double metric(RawHttp connection, String sample) {
    String metrics = connection.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n").read(WAIT).body();
    return MetricSamples.value(metrics, sample);
  }

  private TakingOver start() {
    TakingOver service = new TakingOver();
    service.running = RunningService.start(service);
    toClose.add(service.running);
    return service;
  }

  /**
   * {@code GET /push} upgraded by Vert.x, its channel handed to the test; once released, an echo of text frames
   * that closes the channel on the graceful-stop event.
   */
  private static final class TakingOver implements HttpService {
    final CompletableFuture<Channel> upgraded = new CompletableFuture<>();
    final CompletableFuture<Void> gracefulStopSeen = new CompletableFuture<>();
    RunningService running;

    @Override
    public String name() {
      return "taking-over";
    }

    @Override
    public int defaultPort() {
      return 0;
    }

    @Override
    public void mount(Vertx vertx, Router router) {
      router.get("/push").handler(ctx -> {
        Channel channel = VertxInternals.channelOf(ctx.request().connection());
        ctx.request().toWebSocket().onSuccess(webSocket -> upgraded.complete(channel));
      });
    }

    void release(Channel channel) throws Exception {
      channel.eventLoop().submit(() -> {
        VertxInternals.release(channel);
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof TextWebSocketFrame) {
              ctx.writeAndFlush(msg);
            } else {
              ReferenceCountUtil.release(msg);
            }
          }

          @Override
          public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (VertxInternals.isGracefulStop(event)) {
              gracefulStopSeen.complete(null);
              ctx.close();
            }
          }
        });
      }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }
}
