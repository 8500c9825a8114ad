package dev.showdown.bench.result;

import java.util.List;
import java.util.Map;

/** Small results.json contents built in code, for tests that read or compare runs. */
public final class TestRuns {
  private TestRuns() {
  }

  /** One ok scenario holding {@code measurements}. */
  public static RunResult run(String scenario, Measurement... measurements) {
    ScenarioResult s = new ScenarioResult(scenario, "GET /" + scenario, "64 connections", ScenarioResult.OK, null, 1,
        List.of(measurements), List.of());
    return new RunResult(RunResult.SCHEMA, "2026-01-02T03:04:05Z", "2026-01-02T03:05:05Z",
        new RunResult.Machine("AMD EPYC 7B13", 2, 1L << 34, "Linux amd64", "6.1"), new RunResult.Jvm("java", "17", List.of()),
        new RunResult.Git("0123456789abcdef0123456789abcdef01234567", false), Map.of(), List.of(s));
  }

  public static Measurement ok(String implementation, Figure... figures) {
    return new Measurement(implementation, "service", "http://127.0.0.1:1", "builtin", Map.of("path", "/ping"),
        Measurement.OK, null, List.of(figures), Map.of());
  }

  public static Measurement failed(String implementation, String reason) {
    return Measurement.failed(implementation, "service", "http://127.0.0.1:1", reason);
  }

  public static Figure qps(Double... rounds) {
    return Figure.ofRounds(Figure.QPS, List.of(rounds), Figure.REQ_PER_S);
  }

  public static Figure p99(Double... rounds) {
    return Figure.ofRounds(Figure.P99, List.of(rounds), Figure.MS);
  }
}
