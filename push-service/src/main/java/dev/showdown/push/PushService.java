package dev.showdown.push;

import dev.showdown.kit.AdmissionGate;
import dev.showdown.kit.HttpService;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * Long-lived listeners on WebSocket ({@code /push} on the HTTP port) and plain TCP, each sharded by event loop,
 * and one push every interval written to all of them; {@code POST /broadcast} pushes now, across nodes with Redis.
 */
public final class PushService implements HttpService {
  public static final int DEFAULT_PORT = 8084;

  private final PushSettings settings;
  private final String host;
  private final PushStats stats = new PushStats();
  private final AdmissionGate admission;
  private Shards shards;
  private Broadcaster broadcaster;
  private TcpListener tcpListener;
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
  public Future<Void> start(Vertx vertx) {
    this.vertx = vertx;
    VertxInternal internal = (VertxInternal) vertx;
    long slowTimeoutNanos = settings.slowTimeout().toNanos();
    shards = new Shards(internal.nettyEventLoopGroup(), loop -> new Shard(loop, stats, admission, slowTimeoutNanos));
    broadcaster = new Broadcaster(shards, stats);
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    if (registry != null) {
      stats.bindTo(registry);
    }
    Future<Void> relayStarted = Future.succeededFuture();
    if (settings.redisUrl() != null) {
      relay = new RedisRelay(vertx, settings.redisUrl(), RedisRelay.ATTEMPT_TIMEOUT, this::relayed);
      if (registry != null) {
        relay.bindTo(registry);
      }
      relayStarted = relay.start().onFailure(failure -> relay.close());
    }
    return relayStarted
        .compose(v -> warmUp(internal))
        .compose(v -> TcpListener.start(internal, host, settings.tcpPort(), shards, settings, stats, admission,
            TcpSubscriber::new))
        .onSuccess(listener -> {
          tcpListener = listener;
          tickTimer = vertx.setPeriodic(settings.interval().toMillis(), timer -> broadcaster.fanOut(broadcaster.next()));
          heartbeatTimer = vertx.setPeriodic(settings.heartbeat().toMillis(), timer -> shards.eachOnItsLoop(Shard::heartbeat));
        })
        .mapEmpty();
  }

  /** Best effort: a node that cannot warm up (no loopback, no files to spare) still starts, only colder. */
  private Future<Void> warmUp(VertxInternal vertx) {
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
    WebSocketEndpoint webSockets = new WebSocketEndpoint(shards, stats, admission, settings);
    router.get("/push").handler(webSockets::handle);
    if (relay != null) {
      // Ahead of the kit's own /health, which cannot know of the relay.
      router.get("/health").order(-1).handler(new RelayHealth(relay));
    }
    if (settings.adminToken() != null) {
      BroadcastEndpoint broadcasts = new BroadcastEndpoint(settings.adminToken(), broadcaster, relay, stats);
      router.post("/broadcast").handler(broadcasts::handle);
    }
  }

  @Override
  public Future<Void> stop() {
    vertx.cancelTimer(tickTimer);
    vertx.cancelTimer(heartbeatTimer);
    Future<Void> listenerClosed = tcpListener == null ? Future.succeededFuture() : tcpListener.close();
    shards.eachOnItsLoop(Shard::closeAll);
    return listenerClosed.compose(v -> relay == null ? Future.succeededFuture() : relay.close());
  }

  /** The TCP port actually bound (useful when started on port 0). */
  public int tcpPort() {
    return tcpListener.port();
  }

  public PushStats stats() {
    return stats;
  }

  private void relayed(byte[] message) {
    Tick tick = Tick.decode(message);
    if (tick != null) {
      broadcaster.fanOut(tick);
    }
  }
}
