package dev.showdown.push;

import dev.showdown.kit.Await;
import dev.showdown.kit.ServiceProcess;
import dev.showdown.kit.TestRedis;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service in a JVM of its own, as the bench starts it: its ready line shows the Redis URL without the password. */
class MainProcessTest {
  private static final String PASSWORD = "s3cret";
  private static final String READY = "push-service tcp listening on";

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  @Test
  void theReadyLineShowsTheRedisUrlWithItsPasswordMasked() throws Exception {
    try (TestRedis redis = TestRedis.start(); RedisAdmin admin = new RedisAdmin(vertx, redis)) {
      admin.requirePassword(PASSWORD);
      try (ServiceProcess node = ServiceProcess.start(Main.class, List.of(), "--host", "127.0.0.1", "--port", "0",
          "--tcp-port", "0", "--event-loops", "1", "--warm-up", "false",
          "--redis", "redis://:" + PASSWORD + "@127.0.0.1:" + redis.port())) {
        Await.until("a line starting with '" + READY + "'",
            () -> node.stdout().lines().anyMatch(line -> line.startsWith(READY)), ServiceProcess.BOUND);
        String ready = node.stdout().lines().filter(line -> line.startsWith(READY)).findFirst().orElseThrow();

        assertThat(ready).contains(" interval=10s ").contains(" redis=redis://:***@127.0.0.1:" + redis.port() + " ")
            .doesNotContain(PASSWORD);
        node.sigterm();
        assertThat(node.exitStatus()).isZero();
      }
    }
  }
}
