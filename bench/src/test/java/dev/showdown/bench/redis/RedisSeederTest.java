package dev.showdown.bench.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeds a real embedded redis-server and reads the keys back on a connection of its own. */
class RedisSeederTest {

  @Test
  void writesCacheAndUserKeysForEveryId() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (EmbeddedRedis redis = EmbeddedRedis.start()) {
      RedisSeeder.seed(redis.url(), 1234);

      Redis client = Redis.createClient(vertx, redis.url());
      assertThat(send(client, Request.cmd(Command.DBSIZE)).toLong()).isEqualTo(2 * 1234L);
      assertThat(send(client, Request.cmd(Command.GET).arg("cache:1")).toString()).isEqualTo("cached-1");
      assertThat(send(client, Request.cmd(Command.GET).arg("user:1234")).toString())
          .isEqualTo("{\"id\":1234,\"name\":\"user1234\",\"email\":\"user1234@example.com\"}");
      assertThat(send(client, Request.cmd(Command.GET).arg("user:1235"))).isNull();
    } finally {
      vertx.close().await();
    }
  }

  private static Response send(Redis client, Request request) {
    return client.send(request).await();
  }
}
