package dev.showdown.bench.report;

import dev.showdown.bench.result.Figure;
import dev.showdown.bench.result.Measurement;
import dev.showdown.bench.result.ScenarioResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory view from known measurements: ping with three Java profiles, a heap sweep, two peers and a target;
 * grpc's two stores; push, whose headline is P99.
 */
class MemoryViewTest {
  private static final ScenarioResult PING = scenario("ping",
      http("java-vertx", "service", 90_000, 200),
      http("java-vertx (lean)", "service", 70_000, 75),
      http("java-vertx (lean-c2)", "service", 88_000, 110),
      http("java-vertx (lean-c2, -Xmx16m)", "service", 60_000, 52),
      http("go-gin", "peer", 65_000, 16),
      http("fastapi", "peer", 14_000, 118),
      new Measurement("remote", "target", "http://x", "wrk", Map.of(), Measurement.OK, null,
          List.of(Figure.of(Figure.QPS, 50_000, Figure.REQ_PER_S)), Map.of()),
      Measurement.failed("java-vertx (lean-c2, -Xmx4m)", "service", null, "cannot start"));

  @Test
  void everyRowWithRssAndQpsIsAPointSmallestRssFirst() {
    MemoryView view = MemoryView.of(PING).orElseThrow();

    assertThat(view.headlineHeading()).isEqualTo("QPS (req/s)");
    assertThat(view.byRss()).extracting(MemoryView.Point::label).containsExactly("go-gin", "java-vertx (lean-c2, -Xmx16m)",
        "java-vertx (lean)", "java-vertx (lean-c2)", "fastapi", "java-vertx");
    assertThat(MemoryView.perMb(view.byRss().get(0))).isEqualTo(65_000 / 16.0);
  }

  @Test
  void eachPeerGetsTheSmallestJavaRowThatReachesItsThroughputOrNone() {
    assertThat(MemoryView.of(PING).orElseThrow().verdicts()).containsExactly(
        "go-gin (65,000 req/s at 16 MB): the smallest Java row reaching its QPS is java-vertx (lean), 75 MB "
            + "(70,000 req/s, 4.69x its RSS).",
        "fastapi (14,000 req/s at 118 MB): the smallest Java row reaching its QPS is java-vertx (lean-c2, -Xmx16m), "
            + "52 MB (60,000 req/s, 0.44x its RSS).");
  }

  @Test
  void aPeerNoJavaRowReachesIsSaidSoWithTheBestJavaRow() {
    ScenarioResult user = scenario("user", http("java-vertx", "service", 10_000, 200), http("java-vertx (lean)", "service", 6_000, 80),
        http("go", "peer", 12_000, 20));
    assertThat(MemoryView.of(user).orElseThrow().verdicts()).containsExactly("go (12,000 req/s at 20 MB): no Java row "
        + "reaches its QPS (the best, java-vertx, has 10,000 req/s at 200 MB).");
  }

  @Test
  void javaRowsAreSetBesidePeersOfTheirOwnVariant() {
    ScenarioResult grpc = scenario("grpc",
        http("java-vertx", "service", 40_000, 150), http("java-vertx (lean)", "service", 30_000, 70),
        http("java-vertx redis", "service", 20_000, 160), http("java-vertx redis (lean)", "service", 15_000, 72),
        http("go-grpc", "peer", 35_000, 20), http("go-grpc redis", "peer", 14_000, 22));
    assertThat(MemoryView.of(grpc).orElseThrow().verdicts()).satisfiesExactly(
        line -> assertThat(line).startsWith("go-grpc (").contains("is java-vertx, 150 MB"),
        line -> assertThat(line).startsWith("go-grpc redis (").contains("is java-vertx redis (lean), 72 MB"));
  }

  @Test
  void pushIsJudgedOnP99LowerBeingBetterAndHasNoPerMbColumn() {
    ScenarioResult push = scenario("push",
        row("java-vertx websocket", "service", Figure.of(Figure.P99, 9, Figure.MS), 120),
        row("java-vertx (lean) websocket", "service", Figure.of(Figure.P99, 14, Figure.MS), 60),
        row("go websocket", "peer", Figure.of(Figure.P99, 12, Figure.MS), 70));
    MemoryView view = MemoryView.of(push).orElseThrow();
    assertThat(view.headlineHeading()).isEqualTo("P99 (ms)");
    assertThat(view.perMbApplies()).isFalse();
    assertThat(view.verdicts()).singleElement().asString().contains("smallest Java row reaching its P99 is java-vertx websocket, 120 MB");
    String md = MarkdownReport.render(ReportFixtures.withScenarios(push));
    assertThat(md).contains("Memory against P99 (ms), smallest RSS first:\n\n| implementation | RSS MB | P99 (ms) |\n|---|---:|---:|\n"
        + "| java-vertx (lean) websocket | 60 | 14 |\n| go websocket | 70 | 12 |\n| java-vertx websocket | 120 | 9 |");
  }

  @Test
  void bothReportsShowTheView() {
    String md = MarkdownReport.render(ReportFixtures.withScenarios(PING));
    assertThat(md).contains("| implementation | RSS MB | QPS (req/s) | req/s per MB |")
        .contains("| go-gin | 16 | 65,000 | 4,063 |")
        .contains("- go-gin (65,000 req/s at 16 MB): the smallest Java row reaching its QPS is java-vertx (lean)");
    String html = HtmlReport.render(ReportFixtures.withScenarios(PING));
    assertThat(html).contains("aria-label=\"Memory against QPS (req/s)\"").contains("<li>go-gin (65,000 req/s");
    assertThat(ReportFixtures.count(html, "<circle ")).as("one dot per row with RSS and QPS").isEqualTo(6);
  }

  @Test
  void oneRowAloneHasNoView() {
    assertThat(MemoryView.of(scenario("fib", http("java-vertx", "service", 100, 60)))).isEmpty();
  }

  private static Measurement http(String implementation, String kind, double qps, double rssMb) {
    return row(implementation, kind, Figure.of(Figure.QPS, qps, Figure.REQ_PER_S), rssMb);
  }

  private static Measurement row(String implementation, String kind, Figure headline, double rssMb) {
    return new Measurement(implementation, kind, "http://127.0.0.1:1", "builtin", Map.of(), Measurement.OK, null,
        List.of(headline, Figure.of(Figure.RSS_PEAK, rssMb, Figure.MB)), Map.of());
  }

  private static ScenarioResult scenario(String name, Measurement... measurements) {
    return new ScenarioResult(name, name, "standard", ScenarioResult.OK, null, 1, List.of(measurements), List.of());
  }
}
