package dev.showdown.push;

import dev.showdown.kit.AdmissionGate;
import dev.showdown.kit.HttpService;
import dev.showdown.kit.Ports;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.backends.BackendRegistries;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Long-lived listeners on WebSocket ({@code /push} on the HTTP port) and plain TCP, each sharded by event loop,
 * and one push every interval written to all of them; {@code POST /broadcast} pushes now, across nodes with Redis.
 */
public final class PushService implements HttpService {
  public static final int DEFAULT_PORT = 8084;

  private final PushSettings settings;
  private final String host;
  private final int eventLoops;
  private final PushStats stats = new PushStats();
  private final Broadcaster broadcaster = new Broadcaster(stats);
  private final AdmissionGate admission;
  private final List<TcpServerVerticle> tcpServers = new CopyOnWriteArrayList<>();
  private RedisRelay relay;
  private Vertx vertx;
  private long tickTimer = -1;

  public PushService(PushSettings settings, String host, int eventLoops) {
    this.settings = settings;
    this.host = host;
    this.eventLoops = eventLoops;
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
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    if (registry != null) {
      stats.bindTo(registry);
    }
    Future<Void> relayStarted = Future.succeededFuture();
    if (settings.redisUrl() != null) {
      relay = new RedisRelay(vertx, settings.redisUrl(), this::relayed);
      relayStarted = relay.start();
    }
    return relayStarted
        .compose(v -> concreteTcpPort())
        .compose(port -> vertx.deployVerticle(() -> newTcpServer(port), new DeploymentOptions().setInstances(eventLoops)))
        .onSuccess(id -> tickTimer = vertx.setPeriodic(settings.interval().toMillis(),
            timer -> broadcaster.fanOut(broadcaster.next())))
        .mapEmpty();
  }

  /** A 100-byte message would not shrink: compression would only cost a deflater per connection and CPU. */
  @Override
  public HttpServerOptions serverOptions(HttpServerOptions defaults) {
    return defaults.setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false);
  }

  @Override
  public void mount(Vertx vertx, Router router) {
    Shard shard = new Shard(vertx.getOrCreateContext(), stats, admission, settings.slowTimeout().toNanos());
    broadcaster.register(shard);
    vertx.setPeriodic(settings.heartbeat().toMillis(), timer -> shard.heartbeat());
    WebSocketEndpoint webSockets = new WebSocketEndpoint(shard, stats, admission, settings);
    router.get("/push").handler(webSockets::handle);
    if (settings.adminToken() != null) {
      BroadcastEndpoint broadcasts = new BroadcastEndpoint(settings.adminToken(), broadcaster, relay, stats);
      router.post("/broadcast").handler(broadcasts::handle);
    }
  }

  @Override
  public Future<Void> stop() {
    if (tickTimer >= 0) {
      vertx.cancelTimer(tickTimer);
    }
    broadcaster.closeAll();
    return relay == null ? Future.succeededFuture() : relay.close();
  }

  /** The TCP port actually bound (useful when started on port 0). */
  public int tcpPort() {
    return tcpServers.get(0).actualPort();
  }

  public PushStats stats() {
    return stats;
  }

  private Future<Integer> concreteTcpPort() {
    try {
      return Future.succeededFuture(Ports.concrete(host, settings.tcpPort()));
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
  }

  private TcpServerVerticle newTcpServer(int port) {
    TcpServerVerticle server = new TcpServerVerticle(host, port, settings, stats, admission, broadcaster);
    tcpServers.add(server);
    return server;
  }

  private void relayed(byte[] message) {
    Tick tick = Tick.decode(message);
    if (tick != null) {
      broadcaster.fanOut(tick);
    }
  }
}
