package dev.showdown.bench.scenario;

import dev.showdown.bench.process.ChildProcess;

/**
 * One implementation a scenario measures in every round: its row in the report, its kind ({@code service},
 * {@code peer}, {@code target}), where it is, the process whose RSS and CPU are sampled (null for a
 * {@code --target}), and how one window of its load runs. Its process is started once and kept for every round.
 */
public record Contender(String implementation, String kind, String url, ChildProcess sampled, Window window) {

  /** One warm-up and measured window of the load, telling {@code listener} when the measured window starts and ends. */
  @FunctionalInterface
  public interface Window {
    WindowResult run(SamplingListener listener) throws Exception;
  }
}
