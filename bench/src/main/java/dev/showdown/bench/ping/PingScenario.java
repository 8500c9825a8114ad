package dev.showdown.bench.ping;

import dev.showdown.bench.load.HttpLoad;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.scenario.Published;
import dev.showdown.bench.scenario.Scenario;
import dev.showdown.bench.scenario.ScenarioContext;
import dev.showdown.bench.verify.HttpContracts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Raw HTTP throughput: {@code GET /ping} over 64 keep-alive connections for 10 s. */
public final class PingScenario implements Scenario {
  /** The article's memory figure; it does not say how it was taken, so it is not called RSS. */
  private static final String MEMORY = "memory";
  static final HttpLoad LOAD = HttpLoad.closedLoop("/ping", 64, Duration.ofSeconds(10));

  @Override
  public String name() {
    return "ping";
  }

  @Override
  public String title() {
    return "GET /ping -> {\"message\":\"pong\"}";
  }

  @Override
  public String standardLoad() {
    return "GET /ping, 64 connections, 10 s (5 s warm-up)";
  }

  @Override
  public List<String> modules() {
    return List.of("ping-service");
  }

  @Override
  public List<Published> published() {
    return List.of(
        Published.of("article A", "4C8G, k6", 4, "Python FastAPI",
            Figure.of(Figure.QPS, 12_000, Figure.REQ_PER_S), Figure.of(Figure.P50, 3, Figure.MS),
            Figure.of(Figure.P99, 15, Figure.MS), Figure.of(MEMORY, 80, Figure.MB)),
        Published.of("article A", "4C8G, k6", 4, "Go Gin",
            Figure.of(Figure.QPS, 45_000, Figure.REQ_PER_S), Figure.of(Figure.P50, 1, Figure.MS),
            Figure.of(Figure.P99, 5, Figure.MS), Figure.of(MEMORY, 20, Figure.MB)),
        Published.of("article C", "hardware not stated", 0, "Python FastAPI",
            Figure.of(Figure.QPS, 52_348, Figure.REQ_PER_S), Figure.of(Figure.MEAN, 1.2, Figure.MS),
            Figure.of("latency_tail", 4.5, Figure.MS)),
        Published.of("article C", "hardware not stated", 0, "Go Gin",
            Figure.of(Figure.QPS, 61_234, Figure.REQ_PER_S), Figure.of(Figure.MEAN, 0.8, Figure.MS),
            Figure.of("latency_tail", 3.2, Figure.MS)));
  }

  /** Ping is the service with the smallest live set: where a heap sweep shows what the JVM costs on its own. */
  @Override
  public boolean sweepsHeap() {
    return true;
  }

  @Override
  public void run(ScenarioContext context) throws Exception {
    context.compareHttp(context.startJavaServices("ping-service"), LOAD, HttpContracts.ping(), Map.of());
  }
}
