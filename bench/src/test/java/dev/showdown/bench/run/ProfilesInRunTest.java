package dev.showdown.bench.run;

import dev.showdown.bench.process.ServiceLocation;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.result.ResultsJson;
import dev.showdown.bench.result.RunResult;
import dev.showdown.bench.result.ScenarioResult;
import dev.showdown.bench.scenario.ScenarioContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench run ping --quick --profile both --sweep-heap 32m}: one ping service per profile and sweep size,
 * each its own process with its own flags, all measured; bad values of either option are usage errors.
 */
class ProfilesInRunTest {
  private static final ServiceLocation PING_FROM_CLASSES =
      ServiceLocation.classPath(Map.of("ping-service", "dev.showdown.ping.Main"));

  @TempDir
  Path out;

  @Test
  void everyProfileIsMeasuredAsItsOwnProcessWithItsOwnFlags() throws Exception {
    int status = new CommandLine(new RunCommand(PING_FROM_CLASSES)).execute("ping", "--quick", "--tool", "builtin",
        "--profile", "both", "--sweep-heap", "32m", "--out", out.toString());

    assertThat(status).isZero();
    RunResult result = ResultsJson.read(runDir().resolve("results.json"));
    ScenarioResult ping = result.scenarios().get(0);
    assertThat(ping.measurements()).extracting(Measurement::implementation)
        .containsExactly("java-vertx", "java-vertx (lean)", "java-vertx (lean-c2, -Xmx32m)");
    assertThat(ping.measurements()).allSatisfy(m -> {
      assertThat(m.ok()).as(m.reason()).isTrue();
      assertThat(m.figure(Figure.QPS).orElseThrow().value()).isPositive();
      assertThat(m.figure(Figure.RSS_PEAK).orElseThrow().value()).isPositive();
    });
    assertThat(ping.measurements()).extracting(m -> m.notes().get("pid")).doesNotHaveDuplicates();

    Map<String, String> standard = ping.measurements().get(0).notes();
    assertThat(standard).containsEntry(ScenarioContext.JVM_PROFILE_NOTE, "default")
        .containsEntry(ScenarioContext.JVM_FLAGS_NOTE, RunCommand.DEFAULT_JVM_OPTS);
    Map<String, String> lean = ping.measurements().get(1).notes();
    assertThat(lean).containsEntry(ScenarioContext.JVM_PROFILE_NOTE, "lean");
    assertThat(lean.get(ScenarioContext.JVM_FLAGS_NOTE)).contains("-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1")
        .doesNotContain("ParallelGC");
    Map<String, String> swept = ping.measurements().get(2).notes();
    assertThat(swept.get(ScenarioContext.JVM_FLAGS_NOTE)).contains("-Xms8m", "-Xmx32m", "-XX:TieredStopAtLevel=4");
    for (Map<String, String> notes : List.of(standard, lean, swept)) {
      assertThat(notes.get("startup")).as("the flags the service itself reports")
          .contains("jvm-flags=[" + String.join(", ", notes.get(ScenarioContext.JVM_FLAGS_NOTE).split(" ")) + "]");
    }
    assertThat(((Map<?, ?>) result.settings().get(RunResult.JVM_PROFILES)).keySet()).extracting(Object::toString)
        .containsExactly("default", "lean", "lean-c2, -Xmx32m");
    assertThat(runDir().resolve("report.md")).content().contains("| java-vertx (lean) |").contains("## JVM flags")
        .contains("| lean | lean.jvm | `" + lean.get(ScenarioContext.JVM_FLAGS_NOTE) + "` |");
  }

  @Test
  void badProfilesAndHeapSizesAreUsageErrorsOfOneLine() {
    for (List<String> bad : List.of(List.of("--profile", "fast"), List.of("--sweep-heap", "16x"), List.of("--sweep-heap", "1m"))) {
      List<String> args = new ArrayList<>(List.of("ping", "--quick", "--out", out.toString()));
      args.addAll(bad);
      List<String> reasons = new ArrayList<>();
      int status = new CommandLine(new RunCommand(PING_FROM_CLASSES)).setParameterExceptionHandler((e, a) -> {
        reasons.add(e.getMessage());
        return 2;
      }).execute(args.toArray(String[]::new));
      assertThat(status).as(bad.toString()).isEqualTo(2);
      assertThat(reasons).as(bad.toString()).singleElement().asString().startsWith(bad.get(0) + ":").doesNotContain("\n");
    }
  }

  private Path runDir() throws IOException {
    try (Stream<Path> dirs = Files.list(out)) {
      return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }
}
