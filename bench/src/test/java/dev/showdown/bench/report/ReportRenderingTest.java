package dev.showdown.bench.report;

import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.result.RunResult;
import dev.showdown.bench.result.ScenarioResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Both reports rendered from a fixed results.json: an ok scenario with a failed target, a failed one, a skipped one. */
class ReportRenderingTest {
  private static RunResult result;

  @BeforeAll
  static void read() {
    result = ReportFixtures.results("results.json");
  }

  @Test
  void markdownStatesTheConditions() {
    String md = MarkdownReport.render(result);

    assertThat(md).startsWith("# Showdown bench run, 2026-01-02 03:04:05 UTC\n")
        .contains("AMD EPYC 7B13, 2 cores, 24.0 GiB memory")
        .contains("openjdk version \"25\"")
        .contains("-XX:+UseParallelGC -Xms256m -Xmx256m")
        .contains("HTTP tool: wrk; closed loop")
        .contains("commit 0123456789abcdef0123456789abcdef01234567")
        .doesNotContain("uncommitted")
        .doesNotContain("--quick");
  }

  @Test
  void markdownTablesMeasuredFiguresWithUnits() {
    String md = MarkdownReport.render(result);

    assertThat(md).contains("| implementation | QPS (req/s) | QPS/core (req/s) | P50 (ms) | P90 (ms) | P99 (ms) | max (ms) "
            + "| socket errors (count) | non-2xx (count) | RSS peak (MB) | CPU busy (cores) |")
        .contains("| java-vertx | 84,512 | 42,256 | 0.61 | 1.35 | 4.87 | 41.2 | 0 | 0 | 144 | 1.12 |")
        .contains("| gin (target) | **FAILED**: cannot connect to http://127.0.0.1:9000: Connection refused |")
        .contains("Ran: wrk: GET /ping, 64 connections, 10 s after 5 s warm-up.");
  }

  @Test
  void publishedFiguresStandApartWithPerCoreFigures() {
    String md = MarkdownReport.render(result);

    assertThat(md).contains("Published elsewhere, on other hardware")
        .contains("| article A | 4C8G, k6 | Go Gin | QPS 45,000 req/s · QPS/core 11,250 req/s · P99 5 ms |");
  }

  @Test
  void failedAndSkippedScenariosCarryTheirReasonsAndNoNumbers() {
    String md = MarkdownReport.render(result);

    assertThat(md).contains("**FAILED: fib-service exited with status 2 before it was ready**")
        .contains("**skipped: data-service is not built (./mvnw -q -pl data-service -am package -DskipTests)**");
    String fibSection = md.substring(md.indexOf("## fib"), md.indexOf("## data"));
    assertThat(fibSection).doesNotContain("req/s");
  }

  @Test
  void htmlIsSelfContainedWithChartsOfMeasuredFiguresOnly() {
    String html = HtmlReport.render(result);

    assertThat(html).startsWith("<!doctype html>").contains("<style>").doesNotContain("<script")
        .doesNotContainPattern("(src|href)=\"https?:");
    // ping has one measured implementation: one bar in each chart, P50 and P99 in the latency chart.
    assertThat(ReportFixtures.count(html, "<svg")).isEqualTo(3);
    assertThat(html).contains(">84,512</text>").contains(">0.61</text>").contains(">4.87</text>").contains(">144</text>");
    assertThat(html).as("published figures are never charted").doesNotContain(">45,000</text>");
    assertThat(html).contains("FAILED: cannot connect to http://127.0.0.1:9000")
        .contains("FAILED: fib-service exited with status 2")
        .contains("skipped: data-service is not built");
    assertThat(html).contains("GET /ping -&gt; {&quot;message&quot;:&quot;pong&quot;}");
  }

  @Test
  void measurementsOfOneImplementationUnderDifferentLoadsAreNumberedAndSayTheirLoad() {
    Measurement warm = new Measurement("java-vertx", "service", null, "uv (warm)", Map.of("file", "a.ndjson"),
        Measurement.OK, null, List.of(Figure.of("elapsed", 247.6, Figure.MS)), Map.of());
    Measurement cold = new Measurement("java-vertx", "service", null, "uv (cold)", Map.of("file", "a.ndjson"),
        Measurement.OK, null, List.of(Figure.of("elapsed", 1802, Figure.MS)), Map.of());
    ScenarioResult logparse = new ScenarioResult("logparse", "uv", "the file", ScenarioResult.OK, null, 9,
        List.of(warm, cold), List.of());
    RunResult run = new RunResult(result.schema(), result.started(), result.finished(), result.machine(), result.jvm(),
        result.git(), result.settings(), List.of(logparse));

    assertThat(MarkdownReport.render(run))
        .contains("| implementation | load | elapsed (ms) |")
        .contains("| java-vertx #1 | uv (warm): file a.ndjson | 247.6 |")
        .contains("| java-vertx #2 | uv (cold): file a.ndjson | 1,802 |")
        .doesNotContain("Ran: ");
  }
}
