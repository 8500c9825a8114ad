package dev.showdown.data;

import dev.showdown.kit.HttpService;
import dev.showdown.kit.JsonResponses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code GET /data/{id}} (upstream item + Redis cache, fanned out) and {@code GET /user/{id}} (Redis lookup).
 * Each event loop owns its upstream connection pool and its Redis connection, so a request never leaves the
 * loop it arrived on.
 */
public final class DataService implements HttpService {
  public static final int DEFAULT_PORT = 8082;

  private final DataSettings settings;
  private final List<Upstream> upstreams = new CopyOnWriteArrayList<>();
  private final List<RedisValueReader> redisClients = new CopyOnWriteArrayList<>();

  public DataService(DataSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "data-service";
  }

  @Override
  public int defaultPort() {
    return DEFAULT_PORT;
  }

  @Override
  public void mount(Vertx vertx, Router router) {
    Upstream upstream = new Upstream(vertx, settings);
    RedisValueReader redis = new RedisValueReader(vertx, settings);
    upstreams.add(upstream);
    redisClients.add(redis);
    router.get("/data/:id").handler(new DataHandler(upstream, redis));
    router.get("/user/:id").handler(new UserHandler(redis));
    // An empty id is a bad id, not an unknown route.
    router.get("/data/").handler(ctx -> JsonResponses.error(ctx.response(), 400, ItemId.RULE));
    router.get("/user/").handler(ctx -> JsonResponses.error(ctx.response(), 400, ItemId.RULE));
  }

  @Override
  public Future<Void> stop() {
    List<Future<Void>> closing = new ArrayList<>();
    upstreams.forEach(upstream -> closing.add(upstream.close()));
    redisClients.forEach(redis -> closing.add(redis.close()));
    return Future.join(closing).mapEmpty();
  }
}
