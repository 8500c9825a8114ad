package dev.showdown.bench.report;

import dev.showdown.bench.result.RunResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports from a results.json whose figures were measured in 3 rounds: java-vertx, gin clearly ahead
 * (ratios 1.31, 1.22, 1.40 round by round, ranges apart), fastapi within java's range, flask failed.
 */
class ReportRoundsTest {
  private static final RunResult RESULT = ReportFixtures.results("results-rounds.json");

  @Test
  void markdownShowsMedianWithRangeAndThePairedRatioToJava() {
    String md = MarkdownReport.render(RESULT);

    assertThat(md).contains("| implementation | QPS (req/s) | P50 (ms) | P99 (ms) | RSS peak (MB) | QPS vs java-vertx |")
        .contains("| java-vertx | 100,000 (95,000–105,000) | 0.60 (0.50–0.70) | 4 (3–6) | 150 (140–160) | base |")
        .contains("| gin (target) | 131,000 (115,900–147,000) | 0.40 (0.30–0.50) | 2.00 (1.50–2.50) | – | 1.31x (1.22–1.40) |")
        .contains("| fastapi (target) | 98,000 (96,000–104,000) | 0.60 (0.60–0.70) | 5 (4–7) | – | within noise |")
        .contains("| flask (target) | **FAILED**: cannot connect | | | | |");
  }

  @Test
  void htmlHasTheSameCellsAndAWhiskerOnEveryBarOfSeveralRounds() {
    String html = HtmlReport.render(RESULT);

    assertThat(html).contains("<th>QPS vs java-vertx</th>")
        .contains("<td>100,000 (95,000–105,000)</td>")
        .contains("<td>1.31x (1.22–1.40)</td>")
        .contains("<td>within noise</td>")
        .contains("<td class=\"failed\" colspan=\"5\">FAILED: cannot connect");
    // QPS: 3 bars; latency: P50 and P99 of 3 implementations; RSS: java's only.
    assertThat(ReportFixtures.count(html, "class=\"whisker\"")).isEqualTo(3 + 6 + 1);
    assertThat(html).as("the bar is labelled with the median").contains(">131,000</text>");
  }

  @Test
  void theConditionsNameTheToolsAndSayWhenATargetRanElsewhere() {
    String md = MarkdownReport.render(RESULT);

    assertThat(md).contains("- **Load**: generated on this machine, while some --target runs on another")
        .contains("- **wrk**: wrk 4.2.0 [epoll]")
        .contains("- **Bench's JVM**: OpenJDK 64-Bit Server VM 17.0.15+6 (built-in load generator and helpers)");
    assertThat(MarkdownReport.render(ReportFixtures.results("results.json")))
        .as("a file without the setting was written when the load always ran beside the services")
        .contains("- **Load**: generated on the same machine");
  }

  @Test
  void aRunOfOneRoundHasNoRangesAndNoWhiskers() {
    RunResult once = ReportFixtures.results("results.json");

    assertThat(MarkdownReport.render(once)).doesNotContain("–1").doesNotContain("vs java-vertx");
    assertThat(HtmlReport.render(once)).doesNotContain("class=\"whisker\"");
  }
}
