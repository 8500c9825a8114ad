package dev.showdown.bench.load;

import dev.showdown.bench.process.ChildProcesses;
import dev.showdown.bench.process.ResourceSampler;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Puts load on with the users' own tool: a warm-up run whose figures are dropped, then {@code wrk --latency}
 * parsed by {@link WrkOutput}. Random-id paths use the shipped {@code bench/wrk/random-id.lua}.
 */
public final class WrkDriver implements LoadDriver {
  private static final String RANDOM_ID_SCRIPT = "wrk/random-id.lua";

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
    if (!load.warmup().isZero()) {
      listener.warmupStarted(load.warmup(), () -> -1);
      run(command(base, load, threads, load.warmup(), false), load.warmup(), null);
    }
    listener.measureStarted(load.duration(), () -> -1);
    ResourceSampler.Usage[] usage = new ResourceSampler.Usage[1];
    String output;
    try {
      output = run(command(base, load, threads, load.duration(), true), load.duration(), usage);
    } finally {
      listener.measureEnded();
    }
    return WrkOutput.parse(output).withLoaderCpu(usage[0] == null ? Double.NaN : usage[0].cpuSeconds());
  }

  private List<String> command(URI base, HttpLoad load, String threads, Duration length, boolean latency) throws IOException {
    List<String> command = new ArrayList<>(List.of(wrk.toString(), "-t" + threads, "-c" + load.connections(),
        "-d" + Math.max(1, length.toSeconds()) + "s", "--timeout", Math.max(1, load.timeout().toSeconds()) + "s"));
    if (latency) {
      command.add("--latency");
    }
    String root = base.toString().replaceAll("/$", "");
    if (load.randomIds()) {
      String path = load.path();
      int at = path.indexOf(HttpLoad.ID);
      command.addAll(List.of("-s", script().toString(), root, "--", path.substring(0, at),
          Integer.toString(load.maxId()), path.substring(at + HttpLoad.ID.length())));
    } else {
      command.add(root + load.path());
    }
    return command;
  }

  /** Runs wrk to its end; with {@code usage} non-null, samples its CPU time into {@code usage[0]}. */
  private static String run(List<String> command, Duration length, ResourceSampler.Usage[] usage) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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

  private static Path script() throws IOException {
    Path file = Files.createTempFile("showdown-random-id", ".lua");
    file.toFile().deleteOnExit();
    try (InputStream in = WrkDriver.class.getClassLoader().getResourceAsStream(RANDOM_ID_SCRIPT)) {
      if (in == null) {
        throw new IOException(RANDOM_ID_SCRIPT + " is not in the bench jar");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }
}
