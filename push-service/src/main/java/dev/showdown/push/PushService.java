package dev.showdown.push;

import dev.showdown.kit.AdmissionGate;
import dev.showdown.kit.HttpService;
import dev.showdown.kit.ServiceContext;
import dev.showdown.kit.WebSocketHandshakes;
import dev.showdown.push.core.EncodedPush;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

import java.util.Map;

/**
 * Long-lived subscribers on WebSocket ({@code /push} on the HTTP port) and plain TCP, each sharded by event loop,
 * and one push every interval written to all of them; {@code POST /broadcast} pushes now, across nodes with Redis.
 */
public final class PushService implements HttpService {
  public static final int DEFAULT_PORT = 8084;

  private final PushSettings settings;
  private final String host;
  private final PushStats stats = new PushStats();
  private final AdmissionGate admission;
  private Shards shards;
  private SubscriberIntake intake;
  private Broadcaster broadcaster;
  private TcpServer tcpServer;
  private RedisRelay relay;
  private Vertx vertx;
  private long tickTimer = -1;
  private long heartbeatTimer = -1;

  public PushService(PushSettings settings, String host) {
    this.settings = settings;
    this.host = host;
    this.admission = new AdmissionGate(settings.maxConnections());
  }

  @Override
  public String name() {
    return "push-service";
  }

  @Override
  public int defaultPort() {
    return DEFAULT_PORT;
  }

  @Override
  public Future<Void> start(ServiceContext context) {
    this.vertx = context.vertx();
    VertxInternals internals = VertxInternals.of(vertx);
    long slowTimeoutNanos = settings.slowTimeout().toNanos();
    shards = new Shards(internals.eventLoops(), loop -> new Shard(loop, stats, admission, slowTimeoutNanos));
    intake = new SubscriberIntake(shards, settings, stats, admission);
    broadcaster = new Broadcaster(shards, stats);
    context.meterRegistry().ifPresent(stats::bindTo);
    Future<Void> relayStarted = Future.succeededFuture();
    if (settings.redisUrl() != null) {
      relay = new RedisRelay(vertx, settings.redisUrl(), RedisRelay.ATTEMPT_TIMEOUT, this::relayed);
      context.meterRegistry().ifPresent(relay::bindTo);
      relayStarted = relay.start().onFailure(failure -> relay.close());
    }
    return relayStarted
        .compose(v -> warmUp())
        .compose(v -> TcpServer.start(internals,
            new TcpServer.Settings(host, settings.tcpPort(), intake, TcpSubscriber::new)))
        .onSuccess(server -> {
          tcpServer = server;
          tickTimer = vertx.setPeriodic(settings.interval().toMillis(), timer -> broadcaster.fanOut(broadcaster.next()));
          heartbeatTimer = vertx.setPeriodic(settings.heartbeat().toMillis(), timer -> shards.eachOnItsLoop(Shard::heartbeat));
        })
        .mapEmpty();
  }

  /** Best effort: a node that cannot warm up (no loopback, no files to spare) still starts, only colder. */
  private Future<Void> warmUp() {
    if (!settings.warmUp()) {
      return Future.succeededFuture();
    }
    return FanOutWarmUp.run(vertx, settings)
        .<Void>mapEmpty()
        .recover(failure -> {
          System.err.println("push-service: warm-up skipped: " + failure.getMessage());
          return Future.succeededFuture();
        });
  }

  /** A 100-byte message would not shrink: compression would only cost a deflater per connection and CPU. */
  @Override
  public HttpServerOptions serverOptions(HttpServerOptions defaults) {
    return defaults.setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false);
  }

  @Override
  public void mount(Vertx vertx, Router router) {
    WebSocketEndpoint webSockets = new WebSocketEndpoint(intake);
    router.get("/push").handler(WebSocketHandshakes::validate).handler(webSockets::handle);
    if (settings.adminToken() != null) {
      BroadcastEndpoint broadcasts = new BroadcastEndpoint(settings.adminToken(), broadcaster, relay, stats);
      router.post("/broadcast").handler(broadcasts::handle);
    }
  }

  /**
   * With Redis, whether the node hears the other nodes' broadcasts ({@code "relay":"subscribed"} or
   * {@code "connecting"}), for an operator to alert on. The status stays the kit's {@code UP} whatever the relay
   * does: the node still serves its connections, and restarting it would only drop them.
   */
  @Override
  public Map<String, Object> health() {
    return relay == null ? Map.of() : Map.of("relay", relay.state().label);
  }

  @Override
  public Future<Void> stop() {
    vertx.cancelTimer(tickTimer);
    vertx.cancelTimer(heartbeatTimer);
    Future<Void> serverClosed = tcpServer == null ? Future.succeededFuture() : tcpServer.close();
    shards.eachOnItsLoop(Shard::closeAll);
    return serverClosed.compose(v -> relay == null ? Future.succeededFuture() : relay.close());
  }

  /** The TCP port actually bound (useful when started on port 0). */
  public int tcpPort() {
    return tcpServer.port();
  }

  public PushStats stats() {
    return stats;
  }

  /** The subscribers by event loop, for a test to look at their channels. */
  Shards shards() {
    return shards;
  }

  private void relayed(byte[] message) {
    EncodedPush push = EncodedPush.decode(message);
    if (push != null) {
      broadcaster.fanOut(push);
    }
  }
}
