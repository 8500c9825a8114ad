package dev.showdown.bench.result;

import dev.showdown.bench.scenario.Published;

import java.util.List;

/** One scenario of a run: {@code ok}, {@code failed} with a reason, or {@code skipped} with a reason. */
public record ScenarioResult(
    String name,
    String title,
    String standardLoad,
    String status,
    String reason,
    double elapsedSeconds,
    List<Measurement> measurements,
    List<Published> published) {

  public static final String OK = "ok";
  public static final String FAILED = "failed";
  public static final String SKIPPED = "skipped";
}
