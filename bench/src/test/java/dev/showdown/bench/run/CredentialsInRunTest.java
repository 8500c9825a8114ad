package dev.showdown.bench.run;

import dev.showdown.bench.process.ServiceLocation;
import dev.showdown.bench.redis.RunRedis;
import dev.showdown.bench.result.ResultsJson;
import dev.showdown.bench.result.RunResult;
import dev.showdown.bench.result.ScenarioResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import redis.embedded.RedisServer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench run user --redis redis://:<password>@...} against a Redis that requires the password: the run
 * works, and neither the terminal nor any file of the run shows the password.
 */
class CredentialsInRunTest {
  private static final String PASSWORD = "s3cret-Pass-4711";

  @TempDir
  Path out;

  @Test
  void aRedisPasswordAppearsNowhere() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    RedisServer redis = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1").setting("save \"\"")
        .setting("appendonly no").setting("requirepass " + PASSWORD).build();
    redis.start();
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    int status;
    try {
      System.setErr(new PrintStream(terminal, true, StandardCharsets.UTF_8));
      status = new CommandLine(new RunCommand(ServiceLocation.classPath(Map.of("data-service", "dev.showdown.data.Main"))))
          .execute("user", "--quick", "--tool", "builtin", "--redis", "redis://:" + PASSWORD + "@127.0.0.1:" + port,
              "--out", out.toString());
    } finally {
      System.setErr(stderr);
      redis.stop();
    }

    Path run;
    try (Stream<Path> dirs = Files.list(out)) {
      run = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    RunResult result = ResultsJson.read(run.resolve("results.json"));
    ScenarioResult user = result.scenarios().get(0);
    assertThat(status).as(user.reason()).isZero();
    assertThat(user.measurements().get(0).ok()).as(user.measurements().get(0).reason()).isTrue();
    assertThat(user.measurements().get(0).notes().get("command")).contains("redis://:***@127.0.0.1:" + port);
    assertThat(user.measurements().get(0).notes().get(RunRedis.REDIS_VERSION_NOTE)).as("the Redis actually run")
        .matches("\\d+\\.\\d+\\.\\d+");
    assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("redis://:***@127.0.0.1:" + port).doesNotContain(PASSWORD);
    try (Stream<Path> files = Files.walk(run)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(PASSWORD);
      }
    }
    assertThat(result.jvm().flags()).as("the default --jvm-opts").contains("-XX:+ExitOnOutOfMemoryError");
  }

  @Test
  void servicesExitOnOutOfMemoryByDefault() {
    RunCommand command = new RunCommand();
    new CommandLine(command).parseArgs("ping");
    assertThat(List.of(command.jvmOpts.split(" "))).containsExactly(
        "-XX:+UseParallelGC", "-Xms256m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
  }
}
