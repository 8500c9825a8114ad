package dev.showdown.bench.scenario;

import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.process.ResourceSampler;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Follows a load's phases: the progress tickers, and the RSS/CPU sampler over the measured window only. */
public final class SamplingListener extends ProgressListener {
  private final ChildProcess sampled;
  private final Consumer<Exception> cannotSample;
  private ResourceSampler sampler;
  private ResourceSampler.Usage usage;

  SamplingListener(Progress progress, String scenario, String implementation, ChildProcess sampled,
                   Consumer<Exception> cannotSample) {
    super(progress, scenario, implementation);
    this.sampled = sampled;
    this.cannotSample = cannotSample;
  }

  @Override
  public void measureStarted(Duration length, LongSupplier completed) {
    if (sampled != null) {
      try {
        sampler = ResourceSampler.startTree(sampled.pid());
      } catch (Exception e) {
        cannotSample.accept(e);
      }
    }
    super.measureStarted(length, completed);
  }

  @Override
  public void measureEnded() {
    stop();
  }

  /** Ends the ticker and the sampling; idempotent. */
  public void stop() {
    stopTicker();
    if (sampler != null && usage == null) {
      usage = sampler.stop();
    }
  }

  /** The usage over the measured window (stopping first), or null if nothing was sampled. */
  public ResourceSampler.Usage usage() {
    stop();
    return usage;
  }
}
