package dev.showdown.bench.report;

import dev.showdown.bench.latency.LatencyLog;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.result.RunResult;
import dev.showdown.bench.result.TestRuns;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** report.html draws a percentile plot from the latency logs that measurements' notes name in the run folder. */
class ReportPercentilesTest {
  @TempDir
  Path run;

  @Test
  void aScenarioWithLatencyLogsGetsOneLinePerImplementation() throws Exception {
    Histogram java = new Histogram(3);
    java.recordValueWithCount(800, 1000);
    java.recordValue(30_000);
    Path work = Files.createDirectories(run.resolve("work/ping"));
    LatencyLog.of(java).save(work, "java-vertx");
    Files.copy(Path.of(getClass().getResource("/latency/wrk-percentiles.json").toURI()), work.resolve("gin.wrk.json"));
    RunResult result = TestRuns.run("ping",
        withLog(TestRuns.ok("java-vertx", TestRuns.qps(100.0)), "work/ping/java-vertx.hlog"),
        withLog(TestRuns.ok("gin", TestRuns.qps(90.0)), "work/ping/gin.wrk.json"),
        withLog(TestRuns.ok("fastapi", TestRuns.qps(50.0)), "work/ping/missing.hlog"));

    String html = HtmlReport.render(result, run);

    assertThat(html).contains("Latency by percentile (ms)").contains(">java-vertx</text>").contains(">gin</text>");
    assertThat(ReportFixtures.count(html, "<polyline")).isEqualTo(2);
    assertThat(html).contains("No percentile line for fastapi: ").contains("missing.hlog does not exist");
    assertThat(HtmlReport.render(result)).as("without the run folder, no plot").doesNotContain("<polyline");
  }

  private static Measurement withLog(Measurement m, String log) {
    return new Measurement(m.implementation(), m.kind(), m.url(), m.tool(), m.load(), m.status(), m.reason(), m.figures(),
        Map.of(LatencyLog.NOTE, log));
  }
}
