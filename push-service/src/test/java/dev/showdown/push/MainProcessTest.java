package dev.showdown.push;

import dev.showdown.kit.Await;
import dev.showdown.kit.TestRedis;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The service in a JVM of its own, as the bench starts it: its ready line shows the Redis URL without the password. */
class MainProcessTest {
  private static final String PASSWORD = "s3cret";
  private static final String READY = "push-service tcp listening on";

  private final Vertx vertx = Vertx.vertx();
  private final List<String> output = new CopyOnWriteArrayList<>();

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  @Test
  void theReadyLineShowsTheRedisUrlWithItsPasswordMasked() throws Exception {
    try (TestRedis redis = TestRedis.start(); RedisAdmin admin = new RedisAdmin(vertx, redis)) {
      admin.requirePassword(PASSWORD);
      Process node = launch("--redis", "redis://:" + PASSWORD + "@127.0.0.1:" + redis.port());
      try {
        String ready = lineStartingWith(READY);

        assertThat(ready).contains(" interval=10s ").contains(" redis=redis://:***@127.0.0.1:" + redis.port() + " ")
            .doesNotContain(PASSWORD);
        node.destroy();
        assertThat(node.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).isZero();
      } finally {
        node.destroyForcibly();
      }
    }
  }

  private Process launch(String... flags) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        Main.class.getName(), "--host", "127.0.0.1", "--port", "0", "--tcp-port", "0", "--event-loops", "1",
        "--warm-up", "false"));
    command.addAll(List.of(flags));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        lines.lines().forEach(output::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "push-service-output");
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  /** The first line of the child's output that starts so, waiting for it up to a bound. */
  private String lineStartingWith(String prefix) throws Exception {
    Await.until("a line starting with '" + prefix + "' in " + output,
        () -> output.stream().anyMatch(line -> line.startsWith(prefix)), Duration.ofSeconds(30));
    return output.stream().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow();
  }
}
