package dev.showdown.bench.scenario;

import dev.showdown.bench.env.MachineWindow;
import dev.showdown.bench.env.WindowMeter;
import dev.showdown.bench.latency.LatencyLog;
import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.process.ResourceSampler;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Follows a load's phases: the progress tickers, and over the measured window only the RSS/CPU sampler and the
 * machine's load ({@link WindowMeter}); keeps the window's latencies when the load tool hands them over.
 */
public final class SamplingListener extends ProgressListener {
  private final ChildProcess sampled;
  private final Consumer<Exception> cannotSample;
  /** Set when the window opens; read from a load tool's thread by {@link #cpuSecondsSoFar}. */
  private volatile ResourceSampler sampler;
  private ResourceSampler.Usage usage;
  private WindowMeter meter;
  private MachineWindow machine;
  private LatencyLog latencies;

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
    meter = WindowMeter.start();
    super.measureStarted(length, completed);
  }

  @Override
  public void measureEnded() {
    stop();
  }

  @Override
  public void latencies(LatencyLog log) {
    latencies = log;
  }

  /** Ends the ticker and the sampling; idempotent. */
  public void stop() {
    stopTicker();
    if (sampler != null && usage == null) {
      usage = sampler.stop();
    }
    if (meter != null && machine == null) {
      machine = meter.stop();
    }
  }

  /** The sampled process's CPU seconds since the measured window opened, read now; NaN if nothing is sampled. */
  public double cpuSecondsSoFar() {
    ResourceSampler running = sampler;
    return running == null ? Double.NaN : running.cpuSecondsSoFar();
  }

  /** The usage over the measured window (stopping first), or null if nothing was sampled. */
  public ResourceSampler.Usage usage() {
    stop();
    return usage;
  }

  /** How busy the whole machine was over the measured window, if it started. */
  Optional<MachineWindow> machine() {
    stop();
    return Optional.ofNullable(machine);
  }

  /** The measured window's latencies, if the load tool handed them over. */
  Optional<LatencyLog> latencies() {
    return Optional.ofNullable(latencies);
  }
}
