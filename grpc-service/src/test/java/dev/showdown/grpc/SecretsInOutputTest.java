package dev.showdown.grpc;

import dev.showdown.kit.ServiceProcess;
import dev.showdown.kit.TestRedis;
import io.grpc.Status;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A Redis password given in {@code --redis} is used, and never printed: not in the banner, not in an error. */
class SecretsInOutputTest {
  private static final String PASSWORD = "s3cretpw";

  @Test
  void aPasswordProtectedRedisIsUsedAndItsPasswordNeverPrinted() throws Exception {
    try (TestRedis redis = TestRedis.start()) {
      Vertx vertx = Vertx.vertx();
      try {
        Redis admin = Redis.createClient(vertx, redis.url());
        RedisCommands.send(admin, "SET", "user:5", "{\"id\":5,\"name\":\"five\",\"email\":\"five@example.com\"}");
        RedisCommands.send(admin, "CONFIG", "SET", "requirepass", PASSWORD);
        admin.close();
      } finally {
        vertx.close().await();
      }
      String url = "redis://:" + PASSWORD + "@127.0.0.1:" + redis.port();
      try (ServiceProcess service = GrpcProcess.start("--port", "0", "--redis", url,
          "--redis-timeout", "500ms")) {
        try (GrpcClient client = new GrpcClient(service.port())) {
          assertThat(client.getUser(5).getName()).isEqualTo("five");
          redis.stop();
          client.assertFails(5, Status.Code.UNAVAILABLE, "user store");
        } finally {
          redis.startAgain();
        }
        service.sigterm();
        assertThat(service.exitStatus()).isZero();
        assertThat(service.stdout()).contains("store=redis redis://:***@127.0.0.1:" + redis.port());
        assertThat(service.stdout() + service.stderr()).doesNotContain(PASSWORD);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"redis://:" + PASSWORD + "@", "redis//:" + PASSWORD + "@127.0.0.1:6379",
      "redis://app:" + PASSWORD + "@127.0.0.1:6379/db", "http://:" + PASSWORD + "@127.0.0.1",
      "redis://?password=" + PASSWORD, "redis://:" + PASSWORD + "@127.0.0.1:port"})
  void aMalformedRedisUrlIsRefusedWithoutItsPassword(String url) throws Exception {
    try (ServiceProcess service = GrpcProcess.start("--port", "0", "--redis", url)) {
      assertThat(service.exitStatus()).isEqualTo(2);
      assertThat(service.stderr()).startsWith("grpc-service: Invalid value for option '--redis': expected redis://")
          .contains("***").hasLineCount(1);
      assertThat(service.stdout() + service.stderr()).doesNotContain(PASSWORD);
    }
  }
}
