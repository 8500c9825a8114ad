package dev.showdown.bench.run;

import dev.showdown.bench.peer.Peer;
import dev.showdown.bench.peer.PeerCommand;
import dev.showdown.bench.peer.StandInPeer;
import dev.showdown.bench.peer.Toolchain;
import dev.showdown.bench.process.ChildProcesses;
import dev.showdown.bench.process.JvmLauncher;
import dev.showdown.bench.process.ServiceLocation;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.result.ResultsJson;
import dev.showdown.bench.result.RunResult;
import dev.showdown.bench.result.ScenarioResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench run ping --peers all} with stand-in peers: one that runs (a process with a worker under it) is
 * started, verified and measured like the Java service, and stopped with its worker; one whose toolchain is
 * missing is reported with its install command, not dropped.
 */
class PeerRunTest {
  private static final String JAVA = JvmLauncher.currentJava();

  @TempDir
  Path out;

  @Test
  void startsVerifiesAndMeasuresEachPeerAndReportsTheOnesThatCannotRun() throws Exception {
    Path workerPid = out.resolve("worker.pid");
    Toolchain jdk = new Toolchain("jdk", List.of(JAVA), List.of(JAVA, "-version"), List.of(), "apt-get install -y openjdk-17-jdk");
    Toolchain absent = new Toolchain("absent", List.of("/nonexistent/showdown-interpreter"), List.of("true"), List.of(),
        "apt-get install -y showdown-no-such-package");
    Peer standIn = new Peer("stand-in", Peer.Family.GO, Peer.Kind.HTTP, jdk, PeerCommand.of(JAVA, "-Xmx64m", "-cp",
        System.getProperty("java.class.path"), StandInPeer.class.getName(), "--host", "{host}", "--port", "{port}",
        "--child-pid", workerPid.toString()));
    Peer missing = new Peer("missing-peer", Peer.Family.PYPY, Peer.Kind.HTTP, absent, PeerCommand.of("/nonexistent/x"));

    int status = new CommandLine(new RunCommand(ServiceLocation.classPath(Map.of("ping-service", "dev.showdown.ping.Main")),
        List.of(standIn, missing))).execute("ping", "--quick", "--tool", "builtin", "--jvm-opts", "-Xmx64m -XX:+UseSerialGC",
        "--peers", "all", "--out", out.resolve("results").toString());

    assertThat(status).isZero();
    RunResult result = ResultsJson.read(runDir().resolve("results.json"));
    assertThat(result.settings().get("peers")).isEqualTo(List.of("stand-in (http)", "missing-peer (http)"));
    ScenarioResult ping = result.scenarios().get(0);
    assertThat(ping.measurements()).extracting(Measurement::implementation).containsExactly("java-vertx", "stand-in", "missing-peer");

    Measurement peer = ping.measurements().get(1);
    assertThat(peer.ok()).as(peer.reason()).isTrue();
    assertThat(peer.kind()).isEqualTo("peer");
    assertThat(peer.load()).isEqualTo(ping.measurements().get(0).load());
    assertThat(peer.figure(Figure.QPS).orElseThrow().value()).isPositive();
    assertThat(peer.figure(Figure.RSS_PEAK)).as("sampled, as the Java service is").isPresent();
    assertThat(peer.figure(Figure.CPU_BUSY)).isPresent();

    Measurement notThere = ping.measurements().get(2);
    assertThat(notThere.status()).isEqualTo(Measurement.SKIPPED);
    assertThat(notThere.reason()).isEqualTo("not available: apt-get install -y showdown-no-such-package");
    assertThat(runDir().resolve("report.md")).content()
        .contains("| missing-peer | not available: apt-get install -y showdown-no-such-package |");

    long worker = Long.parseLong(Files.readString(workerPid).trim());
    assertThat(ProcessHandle.of(worker).map(ProcessHandle::isAlive).orElse(false)).as("the peer's worker outlived it").isFalse();
    assertThat(ChildProcesses.live()).isEmpty();
  }

  private Path runDir() throws Exception {
    try (Stream<Path> dirs = Files.list(out.resolve("results"))) {
      return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }
}
