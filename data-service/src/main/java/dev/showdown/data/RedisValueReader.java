package dev.showdown.data;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Redis {@code GET} for one event loop, bounded by the Redis timeout. Every failure (down, refused, slow,
 * an error reply) ends as a 503 {@link DependencyFailure}.
 */
final class RedisValueReader {
  /** Requests that may wait for a pooled connection; the timeout, not this bound, limits how long. */
  private static final int POOL_WAITING = 4096;

  private final RedisLink link;
  private final long timeoutMillis;

  RedisValueReader(Vertx vertx, DataSettings settings) {
    this.timeoutMillis = settings.redisTimeout().toMillis();
    int poolSize = settings.redisPoolSize();
    RedisOptions options = new RedisOptions()
        .setConnectionString(settings.redisUrl())
        .setMaxPoolSize(Math.max(1, poolSize))
        .setMaxPoolWaiting(POOL_WAITING);
    options.getNetClientOptions()
        .setTcpNoDelay(true)
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
    Redis client = Redis.createClient(vertx, options);
    this.link = poolSize == 0 ? new PipelinedRedis(client) : new PooledRedis(client);
  }

  /** The value at {@code key}, or a succeeded null when the key is absent. */
  Future<Response> get(String key) {
    return link.send(Request.cmd(Command.GET).arg(key))
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .recover(RedisValueReader::toDependencyFailure);
  }

  Future<Void> close() {
    return link.close();
  }

  /** What the client may see: the failure's own text (addresses, errno, the error reply) stays out. */
  private static Future<Response> toDependencyFailure(Throwable failure) {
    return Future.failedFuture(failure instanceof TimeoutException
        ? DependencyFailure.REDIS_TIMED_OUT
        : DependencyFailure.REDIS_UNAVAILABLE);
  }
}
