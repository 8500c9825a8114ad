package dev.showdown.bench.load;

import dev.showdown.bench.latency.LatencyLog;
import dev.showdown.bench.latency.WrkPercentiles;
import dev.showdown.bench.process.ChildProcesses;
import dev.showdown.bench.process.ResourceSampler;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Puts load on with the users' own tool: a warm-up run whose figures are dropped, then {@code wrk --latency}
 * parsed by {@link WrkOutput}. Random-id paths use the shipped {@code bench/wrk/random-id.lua}; every run also
 * carries {@code bench/wrk/percentiles.lua}, whose {@code done()} writes the measured run's percentile spectrum
 * (wrk takes one script, so the two are joined into one file).
 */
public final class WrkDriver implements LoadDriver {
  private static final String RANDOM_ID_SCRIPT = "wrk/random-id.lua";
  private static final String PERCENTILES_SCRIPT = "wrk/percentiles.lua";

  private final Path wrk;

  public WrkDriver(Path wrk) {
    this.wrk = wrk;
  }

  @Override
  public String name() {
    return LoadDrivers.WRK;
  }

  @Override
  public LoadResult run(URI base, HttpLoad load, LoadListener listener) throws Exception {
    String threads = Integer.toString(Math.min(Runtime.getRuntime().availableProcessors(), load.connections()));
    Path script = script(load);
    Path percentiles = Files.createTempFile("showdown-wrk-percentiles", ".json");
    try {
      if (!load.warmup().isZero()) {
        listener.warmupStarted(load.warmup(), () -> -1);
        run(command(base, load, script, threads, load.warmup(), false), load.warmup(), null, null);
      }
      listener.measureStarted(load.duration(), () -> -1);
      ResourceSampler.Usage[] usage = new ResourceSampler.Usage[1];
      String output;
      try {
        output = run(command(base, load, script, threads, load.duration(), true), load.duration(), usage, percentiles);
      } finally {
        listener.measureEnded();
      }
      handOver(Files.readString(percentiles, StandardCharsets.UTF_8), listener);
      return WrkOutput.parse(output).withLoaderCpu(usage[0] == null ? Double.NaN : usage[0].cpuSeconds());
    } finally {
      Files.deleteIfExists(percentiles);
      Files.deleteIfExists(script);
    }
  }

  private static void handOver(String spectrum, LoadListener listener) {
    if (spectrum.isBlank()) {
      return;
    }
    try {
      listener.latencies(LatencyLog.wrk(spectrum));
    } catch (IOException e) {
      // wrk's own output still gives every figure; only the percentile plot goes without this run.
    }
  }

  private List<String> command(URI base, HttpLoad load, Path script, String threads, Duration length, boolean latency) {
    List<String> command = new ArrayList<>(List.of(wrk.toString(), "-t" + threads, "-c" + load.connections(),
        "-d" + Math.max(1, length.toSeconds()) + "s", "--timeout", Math.max(1, load.timeout().toSeconds()) + "s"));
    if (latency) {
      command.add("--latency");
    }
    String root = base.toString().replaceAll("/$", "");
    command.addAll(List.of("-s", script.toString()));
    if (load.randomIds()) {
      String path = load.path();
      int at = path.indexOf(HttpLoad.ID);
      command.addAll(List.of(root, "--", path.substring(0, at),
          Integer.toString(load.maxId()), path.substring(at + HttpLoad.ID.length())));
    } else {
      command.add(root + load.path());
    }
    return command;
  }

  /**
   * Runs wrk to its end; with {@code usage} non-null, samples its CPU time into {@code usage[0]}; with
   * {@code percentiles} non-null, the script writes the spectrum there.
   */
  private static String run(List<String> command, Duration length, ResourceSampler.Usage[] usage, Path percentiles)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (percentiles != null) {
      builder.environment().put(WrkPercentiles.ENV, percentiles.toString());
    }
    Process process = builder.start();
    ChildProcesses.track(process);
    ResourceSampler sampler = usage == null ? null : ResourceSampler.start(process.pid());
    try {
      byte[] out;
      try (InputStream in = process.getInputStream()) {
        out = in.readAllBytes();
      }
      if (sampler != null) {
        usage[0] = sampler.stop();
      }
      if (!process.waitFor(length.toSeconds() + 30, TimeUnit.SECONDS)) {
        throw new IOException("wrk did not finish: " + String.join(" ", command));
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IOException("wrk exited with status " + process.exitValue() + ": " + text.strip());
      }
      return text;
    } finally {
      if (sampler != null) {
        sampler.close();
      }
      process.destroyForcibly();
      ChildProcesses.untrack(process);
    }
  }

  /** The script wrk runs: random-id.lua for random-id paths, then percentiles.lua, in one temporary file. */
  private static Path script(HttpLoad load) throws IOException {
    StringBuilder text = new StringBuilder();
    if (load.randomIds()) {
      text.append(resource(RANDOM_ID_SCRIPT)).append('\n');
    }
    text.append(resource(PERCENTILES_SCRIPT));
    Path file = Files.createTempFile("showdown-wrk", ".lua");
    file.toFile().deleteOnExit();
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = WrkDriver.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is not in the bench jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
