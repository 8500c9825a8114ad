package dev.showdown.data;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** The Redis client's own pool: each command borrows a connection for one round trip. */
final class PooledRedis implements RedisLink {
  private final Redis client;

  PooledRedis(Redis client) {
    this.client = client;
  }

  @Override
  public Future<Response> send(Request request) {
    return client.send(request);
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
