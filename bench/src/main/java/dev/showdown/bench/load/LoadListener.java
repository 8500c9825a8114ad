package dev.showdown.bench.load;

import dev.showdown.bench.latency.LatencyLog;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Hears a load run's phases; {@code completed} counts answers so far (-1 when the tool cannot tell live). */
public interface LoadListener {
  LoadListener NONE = new LoadListener() {
  };

  default void warmupStarted(Duration length, LongSupplier completed) {
  }

  default void measureStarted(Duration length, LongSupplier completed) {
  }

  default void measureEnded() {
  }

  /** The measured window's latencies, once the tool is done (wrk only when its percentiles script ran). */
  default void latencies(LatencyLog log) {
  }
}
