package dev.showdown.bench.load;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Chooses the HTTP load tool: {@code wrk} when asked for or found on the PATH, else the built-in generator. */
public final class LoadDrivers {
  public static final String AUTO = "auto";
  public static final String WRK = "wrk";
  public static final String BUILTIN = "builtin";

  private final String preference;
  private final Optional<Path> wrk;

  public LoadDrivers(String preference) {
    this.preference = preference;
    this.wrk = findOnPath("wrk");
    if (WRK.equals(preference) && wrk.isEmpty()) {
      throw new IllegalArgumentException("--tool wrk: wrk is not on the PATH (install it, or use --tool builtin)");
    }
    if (!AUTO.equals(preference) && !WRK.equals(preference) && !BUILTIN.equals(preference)) {
      throw new IllegalArgumentException("--tool must be auto, wrk or builtin, not '" + preference + "'");
    }
  }

  /** The driver for {@code load}: constant-rate loads always use the built-in generator (wrk has no such mode). */
  public LoadDriver forLoad(HttpLoad load) {
    return forLoad(load, 0);
  }

  /** As {@link #forLoad(HttpLoad)}, the built-in generator with {@code threads} event loops (0: one per core). */
  public LoadDriver forLoad(HttpLoad load, int threads) {
    if (wrk.isPresent() && !BUILTIN.equals(preference) && !load.constantRate()) {
      return new WrkDriver(wrk.get());
    }
    return threads > 0 ? new BuiltinLoadGenerator(threads) : new BuiltinLoadGenerator();
  }

  /** What {@link #forLoad} picks for closed-loop loads, for the run's header. */
  public String closedLoopTool() {
    return wrk.isPresent() && !BUILTIN.equals(preference) ? WRK : BUILTIN;
  }

  /** wrk on the PATH, whether or not it is used. */
  public Optional<Path> wrk() {
    return wrk;
  }

  static Optional<Path> findOnPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
