package dev.showdown.bench.run;

import dev.showdown.bench.env.MachineWindow;
import dev.showdown.bench.latency.LatencyLog;
import dev.showdown.bench.process.ChildProcesses;
import dev.showdown.bench.process.ServiceLocation;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.result.ResultsJson;
import dev.showdown.bench.result.RunResult;
import dev.showdown.bench.result.ScenarioResult;
import dev.showdown.bench.verify.WrongStandIn;
import dev.showdown.kit.ServiceOptions;
import dev.showdown.kit.ServiceServer;
import dev.showdown.ping.PingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench run} end to end with the built-in generator: the ping service starts from its classes as a child
 * JVM (no jar needed), an in-process ping server plays a {@code --target}, and results.json is read back.
 */
class RunCommandTest {
  private static final ServiceLocation PING_FROM_CLASSES =
      ServiceLocation.classPath(Map.of("ping-service", "dev.showdown.ping.Main"));

  @TempDir
  Path out;

  @Test
  void measuresThePingServiceAndATargetWithTheSameLoad() throws Exception {
    ServiceServer target = ServiceServer.start(new PingService(), ServiceOptions.loopback(1)).await();
    String real = "http://127.0.0.1:" + target.port();
    int status;
    try (WrongStandIn wrong = WrongStandIn.proxying(real).answering("GET /ping", 200, "application/json", "{\"message\":\"PONG\"}")) {
      status = run("ping", "--quick", "--tool", "builtin", "--jvm-opts", "-Xmx64m -XX:+UseSerialGC",
          "--target", "other=" + real, "--target", "wrong=" + wrong.url());
    } finally {
      target.stop(Duration.ofSeconds(1)).await();
    }

    assertThat(status).as("one implementation failed its contract checks").isEqualTo(1);
    RunResult result = ResultsJson.read(runDir().resolve("results.json"));
    assertThat(result.machine().cores()).isPositive();
    assertThat(result.jvm().flags()).containsExactly("-Xmx64m", "-XX:+UseSerialGC");
    assertThat(result.settings()).containsEntry("quick", true).containsEntry("tool_closed_loop", "builtin");
    ScenarioResult ping = result.scenarios().get(0);
    assertThat(ping.status()).isEqualTo(ScenarioResult.OK);
    assertThat(ping.measurements()).extracting(Measurement::implementation).containsExactly("java-vertx", "other", "wrong");

    Measurement java = ping.measurements().get(0);
    assertThat(java.ok()).isTrue();
    assertThat(java.tool()).isEqualTo("builtin");
    assertThat(java.load()).containsEntry("connections", 64).containsEntry("duration_s", 3.0);
    assertThat(value(java, Figure.REQUESTS)).isPositive();
    assertThat(value(java, Figure.QPS)).isPositive();
    assertThat(value(java, Figure.ERRORS)).isZero();
    assertThat(value(java, Figure.NON_2XX)).isZero();
    assertThat(value(java, Figure.RSS_PEAK)).isPositive();
    assertThat(java.figure(Figure.RSS_PEAK).orElseThrow().unit()).isEqualTo("MB");
    assertThat(java.figure(Figure.P99).orElseThrow().unit()).isEqualTo("ms");
    assertThat(java.notes().get("startup")).contains("jvm-flags=[-Xmx64m, -XX:+UseSerialGC]");

    Measurement other = ping.measurements().get(1);
    assertThat(other.kind()).isEqualTo("target");
    assertThat(other.load()).isEqualTo(java.load());
    assertThat(value(other, Figure.REQUESTS)).isPositive();
    assertThat(other.figure(Figure.RSS_PEAK)).as("a target is not our process: no RSS").isEmpty();

    Measurement wrong = ping.measurements().get(2);
    assertThat(wrong.ok()).isFalse();
    assertThat(wrong.reason()).startsWith("failed verification against docs/contract.md: GET /ping: expected 200, "
        + "application/json, exactly {\"message\":\"pong\"}, got 200, application/json, differs at byte 12");
    assertThat(wrong.figures()).as("not measured").isEmpty();

    assertThat(runDir().resolve("report.md")).content().contains("| java-vertx |").contains("| other (target) |")
        .contains("| wrong (target) | **FAILED**: failed verification");
    assertThat(runDir().resolve("report.html")).content().contains("<svg");
    assertNoChildOutlives(java);
  }

  @Test
  void roundsInterleaveEveryImplementationInARotatedOrderOnOneProcess() throws Exception {
    ServiceServer target = ServiceServer.start(new PingService(), ServiceOptions.loopback(1)).await();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    int status;
    System.setErr(new PrintStream(progress, true, StandardCharsets.UTF_8));
    try {
      status = run("ping", "--quick", "--rounds", "2", "--tool", "builtin", "--jvm-opts", "-Xmx64m -XX:+UseSerialGC",
          "--target", "other=http://127.0.0.1:" + target.port());
    } finally {
      System.setErr(stderr);
      target.stop(Duration.ofSeconds(1)).await();
    }

    assertThat(status).isZero();
    // Each window announces itself as it starts: the order the run really measured in.
    List<String> windows = progress.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.matches("\\[ping] (java-vertx|other): builtin .*")).map(l -> l.split("[\\] :]+")[1]).toList();
    assertThat(windows).containsExactly("java-vertx", "other", "other", "java-vertx");

    ScenarioResult ping = ResultsJson.read(runDir().resolve("results.json")).scenarios().get(0);
    assertThat(ping.measurements()).extracting(Measurement::implementation).containsExactly("java-vertx", "other");
    for (Measurement m : ping.measurements()) {
      assertThat(m.load()).containsEntry("rounds", 2);
      assertThat(m.figure(Figure.QPS).orElseThrow().values()).hasSize(2).allSatisfy(v -> assertThat(v).isPositive());
      assertThat(m.figure(Figure.P99).orElseThrow().values()).hasSize(2);
      assertThat(m.figure(MachineWindow.BUSY).orElseThrow().values()).hasSize(2);
      assertThat(m.figure(MachineWindow.LOAD_AVERAGE)).isPresent();
      String log = m.notes().get(LatencyLog.NOTE);
      assertThat(log).endsWith("-round2.hlog");
      assertThat(runDir().resolve(log)).isNotEmptyFile();
      assertThat(m.notes().get("latency_logs").split(" ")).hasSize(2)
          .allSatisfy(each -> assertThat(runDir().resolve(each)).isNotEmptyFile());
    }
    Measurement java = ping.measurements().get(0);
    assertThat(java.figure(Figure.CPU_PER_1K).orElseThrow().values()).hasSize(2).allSatisfy(v -> assertThat(v).isPositive());
    assertThat(java.figure(Figure.CPU_PER_1K).orElseThrow().unit()).isEqualTo("s");
    assertThat(ping.measurements().get(1).figure(Figure.CPU_PER_1K)).as("a target's CPU is not ours to sample").isEmpty();
    assertThat(runDir().resolve("report.md")).content().contains("CPU per 1k requests (s)").contains("Machine during the measured windows")
        .doesNotContain("machine_cpu_busy");
    assertThat(runDir().resolve("report.html")).content().contains("Latency by percentile");
    assertNoChildOutlives(java);
  }

  @Test
  void roundsOutOfRangeAreAUsageError() {
    assertThat(run("ping", "--rounds", "0")).isEqualTo(2);
  }

  @Test
  void aServiceThatCannotStartFailsItsScenarioAndLeavesNoProcess() throws Exception {
    int status = run("ping", "--quick", "--tool", "builtin", "--jvm-opts", "-XX:+NoSuchFlagAnywhere");

    assertThat(status).isEqualTo(1);
    ScenarioResult ping = ResultsJson.read(runDir().resolve("results.json")).scenarios().get(0);
    assertThat(ping.status()).isEqualTo(ScenarioResult.FAILED);
    assertThat(ping.reason()).contains("ping-service exited with status 1 before it was ready")
        .contains("NoSuchFlagAnywhere");
    assertThat(ping.measurements()).isEmpty();
    assertThat(runDir().resolve("report.md")).content().contains("FAILED: ping-service exited");
    assertThat(ChildProcesses.live()).isEmpty();
  }

  @Test
  void aMissingJarIsNamedWithItsBuildCommand(@TempDir Path emptyRepo) throws Exception {
    int status = new CommandLine(new RunCommand()).execute("fib", "--quick", "--tool", "builtin",
        "--repo", emptyRepo.toString(), "--out", out.toString());

    assertThat(status).isEqualTo(1);
    ScenarioResult fib = ResultsJson.read(runDir().resolve("results.json")).scenarios().get(0);
    assertThat(fib.status()).isEqualTo(ScenarioResult.FAILED);
    assertThat(fib.reason()).isEqualTo(emptyRepo.resolve("fib-service/target/fib-service.jar")
        + " is missing: build it with ./mvnw -q -pl fib-service -am package -DskipTests");
  }

  @Test
  void unknownScenarioIsAUsageError() {
    assertThat(run("nosuch")).isEqualTo(2);
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--out", out.toString()));
    return new CommandLine(new RunCommand(PING_FROM_CLASSES)).execute(all.toArray(String[]::new));
  }

  private Path runDir() throws IOException {
    try (Stream<Path> dirs = Files.list(out)) {
      return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  private static double value(Measurement m, String figure) {
    return m.figure(figure).orElseThrow(() -> new AssertionError("no " + figure + " in " + m)).value();
  }

  private static void assertNoChildOutlives(Measurement measurement) {
    long pid = Long.parseLong(measurement.notes().get("pid"));
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("service pid %d alive", pid).isFalse();
    assertThat(ChildProcesses.live()).isEmpty();
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
  }
}
