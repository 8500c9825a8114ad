package dev.showdown.data;

import dev.showdown.kit.RunningService;
import dev.showdown.kit.TestRedis;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /user/{id}} against a real Redis. */
class UserEndpointTest {
  private static TestRedis redis;
  private static RedisAdmin admin;
  private static RunningService service;

  @BeforeAll
  static void start() {
    redis = TestRedis.start();
    admin = new RedisAdmin(redis.url());
    // No upstream is needed for /user: the address points nowhere.
    service = RunningService.start(new DataService(DataSettings.of("http://127.0.0.1:9", redis.url())));
  }

  @AfterAll
  static void stop() {
    service.close();
    admin.close();
    redis.stop();
  }

  @Test
  void answersTheStoredJsonByteForByte() {
    String stored = "{\"id\":42,\"name\":\"user42\",\"email\":\"user42@example.com\"}";
    admin.set("user:42", stored);

    HttpResponse<Buffer> response = service.get("/user/42");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsString()).isEqualTo(stored);
  }

  @Test
  void anAbsentUserIs404() {
    admin.del("user:43");

    HttpResponse<Buffer> response = service.get("/user/43");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsString()).isEqualTo("{\"error\":\"not found\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "-5", "0", "18446744073709551616", "4%2F2"})
  void aBadIdIs400(String id) {
    HttpResponse<Buffer> response = service.get("/user/" + id);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo(ItemId.RULE);
  }

  @Test
  void anEmptyIdIs400() {
    assertThat(service.get("/user/").statusCode()).isEqualTo(400);
  }

  @Test
  void aKeyOfTheWrongTypeIs503WithoutRedisOwnText() {
    admin.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.LPUSH).arg("user:44").arg("x"));

    HttpResponse<Buffer> response = service.get("/user/44");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.bodyAsString()).isEqualTo("{\"error\":\"redis unavailable\"}");
  }
}
