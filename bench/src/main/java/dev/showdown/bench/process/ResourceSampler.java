package dev.showdown.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples one process's resident memory and CPU time from /proc while a measurement runs: peak and mean RSS,
 * CPU seconds spent in the window and so the average number of cores kept busy.
 */
public final class ResourceSampler implements AutoCloseable {
  private static final long PERIOD_MS = 200;
  /** USER_HZ: /proc reports CPU time in these ticks, fixed at 100 by the Linux user-space ABI. */
  private static final double TICKS_PER_SECOND = 100;

  private final Path status;
  private final Path stat;
  private final ScheduledExecutorService timer;
  private final long startNanos;
  private final long startTicks;
  private long lastTicks;
  private long lastTickNanos;
  private long peakRss;
  private long rssSum;
  private int samples;
  private Usage finished;

  private ResourceSampler(long pid) throws IOException {
    this.status = Path.of("/proc", Long.toString(pid), "status");
    this.stat = Path.of("/proc", Long.toString(pid), "stat");
    this.startTicks = ticks();
    this.startNanos = System.nanoTime();
    this.lastTicks = startTicks;
    this.lastTickNanos = startNanos;
    sample();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "rss-cpu-sampler-" + pid);
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(this::sample, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** Starts sampling {@code pid}; fails if /proc has no such process (not Linux, or it has exited). */
  public static ResourceSampler start(long pid) throws IOException {
    return new ResourceSampler(pid);
  }

  private synchronized void sample() {
    try {
      long rss = ProcStat.rssBytes(Files.readString(status));
      if (rss > 0) {
        peakRss = Math.max(peakRss, rss);
        rssSum += rss;
        samples++;
      }
      lastTicks = ticks();
      lastTickNanos = System.nanoTime();
    } catch (IOException | RuntimeException e) {
      // The process exited mid-window; the samples taken so far stand and the measurement reports the exit.
    }
  }

  private long ticks() throws IOException {
    return ProcStat.cpuTicks(Files.readString(stat));
  }

  /** Stops sampling and returns the window's usage; later calls return the same figures. */
  public synchronized Usage stop() {
    if (finished == null) {
      timer.shutdownNow();
      sample();
      // A process that exited in the window (wrk at its end) is judged by its last sample.
      double wall = (lastTickNanos - startNanos) / 1e9;
      double cpu = (lastTicks - startTicks) / TICKS_PER_SECOND;
      finished = new Usage(peakRss, samples == 0 ? 0 : rssSum / samples, cpu, wall);
    }
    return finished;
  }

  @Override
  public void close() {
    stop();
  }

  /** A window's resource use, up to the last sample that found the process alive. */
  public record Usage(long peakRssBytes, long meanRssBytes, double cpuSeconds, double wallSeconds) {
    public double coresBusy() {
      return wallSeconds > 0 ? cpuSeconds / wallSeconds : Double.NaN;
    }
  }
}
