package dev.showdown.bench.fib;

import dev.showdown.bench.load.HttpLoad;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.scenario.Published;
import dev.showdown.bench.scenario.Scenario;
import dev.showdown.bench.scenario.ScenarioContext;
import dev.showdown.bench.verify.HttpContracts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** CPU-bound requests: {@code GET /fib/35} (naive recursion) over 4 connections for 20 s. */
public final class FibScenario implements Scenario {
  static final HttpLoad LOAD = HttpLoad.closedLoop("/fib/35", 4, Duration.ofSeconds(20));

  @Override
  public String name() {
    return "fib";
  }

  @Override
  public String title() {
    return "GET /fib/35 -> {\"result\":9227465}, naive recursion off the event loop";
  }

  @Override
  public String standardLoad() {
    return "GET /fib/35, 4 connections, 20 s (5 s warm-up)";
  }

  @Override
  public List<String> modules() {
    return List.of("fib-service");
  }

  @Override
  public List<Published> published() {
    return List.of(
        Published.of("article A", "4C8G", 4, "Python",
            Figure.of(Figure.QPS, 15, Figure.REQ_PER_S), Figure.of(Figure.P50, 2500, Figure.MS),
            Figure.of(Figure.P99, 3500, Figure.MS)),
        Published.of("article A", "4C8G", 4, "Go",
            Figure.of(Figure.QPS, 200, Figure.REQ_PER_S), Figure.of(Figure.P50, 180, Figure.MS),
            Figure.of(Figure.P99, 250, Figure.MS)));
  }

  @Override
  public void run(ScenarioContext context) throws Exception {
    context.compareHttp(context.startJavaServices("fib-service"), LOAD, HttpContracts.fib(), Map.of());
  }
}
