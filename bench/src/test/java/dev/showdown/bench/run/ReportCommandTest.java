package dev.showdown.bench.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench report DIR} renders results.csv beside results.json: one row per figure and round. */
class ReportCommandTest {
  @TempDir
  Path dir;

  @Test
  void writesOneCsvRowPerScenarioImplementationFigureAndRound() throws Exception {
    Files.copy(Path.of(getClass().getResource("/report/results-rounds.json").toURI()), dir.resolve("results.json"));

    assertThat(new CommandLine(new ReportCommand()).execute(dir.toString())).isZero();

    List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
    assertThat(lines.get(0)).isEqualTo("scenario,measurement,implementation,kind,tool,figure,unit,round,value");
    assertThat(lines).contains(
            "ping,1,java-vertx,service,builtin,qps,req/s,1,100000.0",
            "ping,1,java-vertx,service,builtin,qps,req/s,2,95000.0",
            "ping,1,java-vertx,service,builtin,qps,req/s,3,105000.0",
            "ping,2,gin,target,builtin,latency_p99,ms,3,2.5")
        .as("the failed flask target has no figures, so no rows").noneMatch(l -> l.contains("flask"));
    // java: 4 figures, gin and fastapi: 3 each, every one in 3 rounds; plus the header.
    assertThat(lines).hasSize(1 + (4 + 3 + 3) * 3);
    assertThat(dir.resolve("report.md")).exists();
  }

  @Test
  void aFigureMeasuredOnceIsRoundOne() throws Exception {
    Files.copy(Path.of(getClass().getResource("/report/results.json").toURI()), dir.resolve("results.json"));

    assertThat(new CommandLine(new ReportCommand()).execute(dir.toString())).isZero();

    assertThat(Files.readAllLines(dir.resolve("results.csv"))).contains("ping,1,java-vertx,service,wrk,qps,req/s,1,84512.25")
        .noneMatch(l -> l.contains(",2,") && l.startsWith("ping,1,java-vertx"));
  }
}
