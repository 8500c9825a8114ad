package dev.showdown.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples a process, or a process and every process under it (uvicorn's workers, say), while a measurement
 * runs, from /proc: peak and mean resident memory summed over them, and the CPU time they spent in the window,
 * so the average number of cores kept busy. Summed RSS counts pages that forked workers share once per process.
 */
public final class ResourceSampler implements AutoCloseable {
  private static final long PERIOD_MS = 200;
  /** USER_HZ: /proc reports CPU time in these ticks, fixed at 100 by the Linux user-space ABI. */
  private static final double TICKS_PER_SECOND = 100;

  private final ProcessHandle root;
  private final boolean withDescendants;
  private final ScheduledExecutorService timer;
  private final long startNanos;
  /** Per process: its CPU ticks when the window opened (0 for one started in the window), and at its last sample. */
  private final Map<Long, Long> firstTicks = new HashMap<>();
  private final Map<Long, Long> lastTicks = new HashMap<>();
  private long lastTickNanos;
  private long peakRss;
  private long peakPss = -1;
  private int mostProcesses;
  private long rssSum;
  private int samples;
  private Usage finished;

  private ResourceSampler(long pid, boolean withDescendants) throws IOException {
    this.root = ProcessHandle.of(pid).orElseThrow(() -> new IOException("no process " + pid));
    this.withDescendants = withDescendants;
    long rootTicks = ticks(pid);
    this.startNanos = System.nanoTime();
    firstTicks.put(pid, rootTicks);
    for (ProcessHandle member : tree()) {
      try {
        firstTicks.putIfAbsent(member.pid(), ticks(member.pid()));
      } catch (IOException | RuntimeException e) {
        // It exited as the window opened: nothing of it falls in the window.
      }
    }
    sample();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "rss-cpu-sampler-" + pid);
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(this::sample, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** Starts sampling {@code pid} alone; fails if /proc has no such process (not Linux, or it has exited). */
  public static ResourceSampler start(long pid) throws IOException {
    return new ResourceSampler(pid, false);
  }

  /** Starts sampling {@code pid} and every process under it, those started during the window included. */
  public static ResourceSampler startTree(long pid) throws IOException {
    return new ResourceSampler(pid, true);
  }

  private List<ProcessHandle> tree() {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    if (withDescendants) {
      root.descendants().forEach(tree::add);
    }
    return tree;
  }

  private synchronized void sample() {
    long rss = 0;
    long pss = 0;
    int processes = 0;
    List<ProcessHandle> members = tree();
    // smaps_rollup walks the process's page tables under its memory lock: only read where PSS is reported.
    boolean several = members.size() > 1;
    for (ProcessHandle process : members) {
      long pid = process.pid();
      try {
        long processRss = ProcStat.rssBytes(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        long ticks = ticks(pid);
        firstTicks.putIfAbsent(pid, 0L);
        lastTicks.put(pid, ticks);
        if (processRss > 0) {
          rss += processRss;
          processes++;
          if (several) {
            pss += Math.max(0, ProcStat.pssBytes(Files.readString(Path.of("/proc", Long.toString(pid), "smaps_rollup"))));
          }
        }
      } catch (IOException | RuntimeException e) {
        // It exited mid-window; what was sampled of it stands and the measurement reports the exit.
      }
    }
    if (processes > 0) {
      peakRss = Math.max(peakRss, rss);
      mostProcesses = Math.max(mostProcesses, processes);
      if (several) {
        peakPss = Math.max(peakPss, pss);
      }
      rssSum += rss;
      samples++;
      lastTickNanos = System.nanoTime();
    }
  }

  private static long ticks(long pid) throws IOException {
    return ProcStat.cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
  }

  /** Stops sampling and returns the window's usage; later calls return the same figures. */
  public synchronized Usage stop() {
    if (finished == null) {
      timer.shutdownNow();
      sample();
      // A process that exited in the window (wrk at its end) is judged by its last sample.
      double wall = (lastTickNanos - startNanos) / 1e9;
      finished = new Usage(peakRss, samples == 0 ? 0 : rssSum / samples, cpuTicksSinceStart() / TICKS_PER_SECOND, wall,
          mostProcesses > 1 ? peakPss : -1);
    }
    return finished;
  }

  /** The CPU seconds used since the window opened, read now (a sample of its own); the window goes on. */
  public synchronized double cpuSecondsSoFar() {
    if (finished == null) {
      sample();
    }
    return cpuTicksSinceStart() / TICKS_PER_SECOND;
  }

  private long cpuTicksSinceStart() {
    long ticks = 0;
    for (Map.Entry<Long, Long> last : lastTicks.entrySet()) {
      ticks += last.getValue() - firstTicks.getOrDefault(last.getKey(), 0L);
    }
    return ticks;
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * A window's resource use, up to the last sample that found the process alive. {@code peakPssBytes} is the
   * peak of the tree's summed PSS when the tree ran as several processes (-1 otherwise): their summed RSS counts
   * the pages they share (an interpreter's code, a forked worker's heap) once per process.
   */
  public record Usage(long peakRssBytes, long meanRssBytes, double cpuSeconds, double wallSeconds, long peakPssBytes) {
    public double coresBusy() {
      return wallSeconds > 0 ? cpuSeconds / wallSeconds : Double.NaN;
    }
  }
}
