package dev.showdown.data;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * One Redis connection per event loop, shared by all of that loop's requests (Redis answers pipelined
 * commands in order). A broken connection is dropped and the next request opens a new one, so the service
 * recovers by itself when Redis comes back; at most one connection attempt is in flight at a time.
 * Confined to its event loop: no locking.
 */
final class PipelinedRedis implements RedisLink {
  private final Redis client;
  private Future<RedisConnection> connection;

  PipelinedRedis(Redis client) {
    this.client = client;
  }

  @Override
  public Future<Response> send(Request request) {
    Future<RedisConnection> current = connection();
    RedisConnection open = current.result();
    return open != null ? open.send(request) : current.compose(connected -> connected.send(request));
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }

  private Future<RedisConnection> connection() {
    Future<RedisConnection> current = connection;
    if (current == null || current.failed()) {
      current = client.connect();
      connection = current;
      Future<RedisConnection> attempt = current;
      attempt.onSuccess(connected -> connected
          .exceptionHandler(failure -> drop(attempt, connected))
          .endHandler(end -> drop(attempt, connected)));
    }
    return current;
  }

  private void drop(Future<RedisConnection> attempt, RedisConnection broken) {
    if (connection == attempt) {
      connection = null;
      broken.close();
    }
  }
}
