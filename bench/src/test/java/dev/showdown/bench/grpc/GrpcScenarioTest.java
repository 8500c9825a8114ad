package dev.showdown.bench.grpc;

import dev.showdown.bench.process.ChildProcesses;
import dev.showdown.bench.process.ServiceLocation;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.result.ResultsJson;
import dev.showdown.bench.result.ScenarioResult;
import dev.showdown.bench.run.RunCommand;
import dev.showdown.grpc.GrpcOptions;
import dev.showdown.grpc.UserGrpcServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench run grpc --quick} end to end: the grpc-service from its classes as a child JVM (in-memory, then
 * on the embedded Redis the scenario starts and seeds), and an in-process grpc-service as a {@code --target}.
 */
class GrpcScenarioTest {
  @TempDir
  Path out;

  @Test
  void measuresBothStoresAndATargetWithTheSameLoad() throws Exception {
    UserGrpcServer target = UserGrpcServer.start(GrpcOptions.loopback().withHttpPort(-1));
    int status;
    try {
      status = new CommandLine(new RunCommand(ServiceLocation.classPath(Map.of("grpc-service", "dev.showdown.grpc.Main"))))
          .execute("grpc", "--quick", "--jvm-opts", "-Xmx64m -XX:+UseSerialGC",
              "--target", "grpc:other=http://127.0.0.1:" + target.port(), "--out", out.toString());
    } finally {
      target.stop(Duration.ofSeconds(1));
    }

    assertThat(status).isZero();
    ScenarioResult grpc = ResultsJson.read(runDir().resolve("results.json")).scenarios().get(0);
    assertThat(grpc.status()).isEqualTo(ScenarioResult.OK);
    assertThat(grpc.measurements()).extracting(Measurement::implementation)
        .containsExactly("java-vertx", "other", "java-vertx redis");
    for (Measurement m : grpc.measurements()) {
      assertThat(m.ok()).as(m.implementation() + ": " + m.reason()).isTrue();
      assertThat(m.tool()).isEqualTo("grpc-load");
      assertThat(m.load()).containsEntry("concurrency", 64).containsEntry("connections", 4).containsEntry("duration_s", 3.0);
      assertThat(m.figure(Figure.REQUESTS).orElseThrow().value()).isPositive();
      assertThat(m.figures()).extracting(Figure::name).as("seeded ids, readable users")
          .doesNotContain("status_NOT_FOUND", "status_INTERNAL");
    }
    // The Redis store may time out (UNAVAILABLE) on a machine busy enough; memory lookups have no such excuse.
    assertThat(grpc.measurements().get(0).figure(Figure.ERRORS).orElseThrow().value()).isZero();
    assertThat(grpc.measurements().get(1).figure(Figure.ERRORS).orElseThrow().value()).isZero();
    assertThat(grpc.measurements().get(0).figure(Figure.RSS_PEAK)).isPresent();
    assertThat(grpc.measurements().get(0).notes().get("startup")).contains("store=memory (10000 users)");
    assertThat(grpc.measurements().get(1).figure(Figure.RSS_PEAK)).as("a target is not our process").isEmpty();
    assertThat(grpc.measurements().get(2).notes().get("startup")).contains("store=redis redis://");
    assertThat(ChildProcesses.live()).isEmpty();
  }

  private Path runDir() throws IOException {
    try (Stream<Path> dirs = Files.list(out)) {
      return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }
}
