package dev.showdown.bench.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the standard run's keys (docs/contract.md): {@code cache:1..N} short strings and {@code user:1..N} JSON users,
 * in pipelined {@code MSET} batches on one connection.
 */
public final class RedisSeeder {
  private static final int KEYS_PER_MSET = 500;

  private RedisSeeder() {
  }

  public static String cacheValue(int id) {
    return "cached-" + id;
  }

  public static String user(long id) {
    return "{\"id\":" + id + ",\"name\":\"user" + id + "\",\"email\":\"user" + id + "@example.com\"}";
  }

  /** Seeds ids 1..count and returns once Redis has acknowledged every key. */
  public static void seed(String redisUrl, int count) {
    Vertx vertx = Vertx.vertx();
    try {
      Redis client = Redis.createClient(vertx, redisUrl);
      RedisConnection connection = client.connect().await();
      List<Future<?>> acknowledged = new ArrayList<>();
      for (int first = 1; first <= count; first += KEYS_PER_MSET) {
        Request mset = Request.cmd(Command.MSET);
        for (int id = first; id < first + KEYS_PER_MSET && id <= count; id++) {
          mset.arg("cache:" + id).arg(cacheValue(id)).arg("user:" + id).arg(user(id));
        }
        acknowledged.add(connection.send(mset));
      }
      Future.all(acknowledged).await();
    } finally {
      vertx.close().await();
    }
  }
}
