package dev.showdown.fib;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.LongAdder;

/** Counts fib requests whose client left before the answer: skipped while queued, or stopped while running. */
final class AbandonedWork {
  private final LongAdder skipped = new LongAdder();
  private final LongAdder stopped = new LongAdder();

  void skipped() {
    skipped.increment();
  }

  void stopped() {
    stopped.increment();
  }

  /** Served on {@code /metrics} as {@code fib_abandoned_total{stage="queued"|"running"}}. */
  void bindTo(MeterRegistry registry) {
    counter(registry, "queued", skipped);
    counter(registry, "running", stopped);
  }

  private static void counter(MeterRegistry registry, String stage, LongAdder value) {
    FunctionCounter.builder("fib.abandoned", value, LongAdder::sum)
        .description("Fib requests whose client left before the answer, by the stage the work was in")
        .tag("stage", stage)
        .register(registry);
  }
}
