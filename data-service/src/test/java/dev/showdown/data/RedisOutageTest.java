package dev.showdown.data;

import dev.showdown.kit.Await;
import dev.showdown.kit.RunningService;
import dev.showdown.kit.TestRedis;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis stopped, restarted on the same port, or slowed down: 503 meanwhile, and recovery without a restart. */
class RedisOutageTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private static final String USER = "{\"id\":1,\"name\":\"user1\",\"email\":\"user1@example.com\"}";

  @ParameterizedTest(name = "redis pool size {0}")
  @ValueSource(ints = {0, 4})
  void redisDownIs503AndTheServiceRecoversWhenItReturns(int redisPoolSize) {
    try (TestRedis redis = TestRedis.start(); StubUpstream upstream = new StubUpstream();
         RunningService service = start(upstream, redis, redisPoolSize)) {
      seed(redis);
      assertThat(service.get("/user/1").statusCode()).isEqualTo(200);

      redis.stop();
      assertUnavailable(service.get("/user/1"), "redis unavailable");
      assertUnavailable(service.get("/data/1"), "redis unavailable");

      redis.startAgain();
      seed(redis);
      Await.until("user lookups succeed again",
          () -> service.get("/user/1").statusCode() == 200);
      assertThat(service.get("/user/1").bodyAsString()).isEqualTo(USER);
      assertThat(service.get("/data/1").bodyAsJsonObject().getString("cache")).isEqualTo("one");
    }
  }

  @ParameterizedTest(name = "redis pool size {0}")
  @ValueSource(ints = {0, 4})
  void aSlowRedisIs503AfterTheTimeoutThenServesAgain(int redisPoolSize) {
    try (TestRedis redis = TestRedis.start(); StubUpstream upstream = new StubUpstream();
         RunningService service = start(upstream, redis, redisPoolSize);
         RedisAdmin admin = new RedisAdmin(redis.url())) {
      seed(redis);
      assertThat(service.get("/user/1").statusCode()).isEqualTo(200);

      admin.pauseClients(1500);
      assertUnavailable(service.get("/user/1"), "redis timed out");
      assertUnavailable(service.get("/data/1"), "redis timed out");

      Await.until("user lookups succeed again",
          () -> service.get("/user/1").statusCode() == 200);
    }
  }

  private static RunningService start(StubUpstream upstream, TestRedis redis, int redisPoolSize) {
    return RunningService.start(new DataService(new DataSettings(UpstreamAddress.parse(upstream.url()),
        redis.url(), 8, redisPoolSize, TIMEOUT, TIMEOUT)));
  }

  private static void seed(TestRedis redis) {
    try (RedisAdmin admin = new RedisAdmin(redis.url())) {
      admin.set("user:1", USER);
      admin.set("cache:1", "one");
    }
  }

  /** The whole body is the fixed reason: no address or errno of the failed connection. */
  private static void assertUnavailable(HttpResponse<Buffer> response, String reason) {
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsString()).isEqualTo(new JsonObject().put("error", reason).encode());
  }
}
