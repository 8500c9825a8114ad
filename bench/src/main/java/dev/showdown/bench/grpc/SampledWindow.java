package dev.showdown.bench.grpc;

import dev.showdown.bench.load.LoadListener;
import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.process.ResourceSampler;
import dev.showdown.bench.scenario.Progress;
import dev.showdown.bench.scenario.ScenarioContext;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Follows a gRPC load's phases: a live ticker for each, and the service's RSS/CPU over the measured window only. */
final class SampledWindow implements LoadListener {
  private final ScenarioContext context;
  private final String implementation;
  private final ChildProcess sampled;
  private Progress.Ticker ticker;
  private ResourceSampler sampler;
  private ResourceSampler.Usage usage;

  SampledWindow(ScenarioContext context, String implementation, ChildProcess sampled) {
    this.context = context;
    this.implementation = implementation;
    this.sampled = sampled;
  }

  @Override
  public void warmupStarted(Duration length, LongSupplier completed) {
    show("warm-up", length, completed);
  }

  @Override
  public void measureStarted(Duration length, LongSupplier completed) {
    if (sampled != null) {
      try {
        sampler = context.sample(sampled);
      } catch (Exception e) {
        context.phase("cannot sample " + sampled.name() + ": " + e.getMessage());
      }
    }
    show("measure", length, completed);
  }

  @Override
  public void measureEnded() {
    stop();
  }

  /** Ends the ticker and the sampling (idempotent); the usage of the measured window, or null if none was taken. */
  ResourceSampler.Usage stop() {
    if (ticker != null) {
      ticker.close();
      ticker = null;
    }
    if (sampler != null && usage == null) {
      usage = sampler.stop();
    }
    return usage;
  }

  private void show(String phase, Duration length, LongSupplier completed) {
    if (ticker != null) {
      ticker.close();
    }
    ticker = context.ticker(implementation + " " + phase, length, completed);
  }
}
