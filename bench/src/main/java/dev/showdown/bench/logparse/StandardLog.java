package dev.showdown.bench.logparse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The logparse scenario's input, made by logparse-service's own {@code gen} from a fixed seed (the same bytes on
 * every machine) and kept by seed and size, and what docs/contract.md says the 100,000-line one holds.
 */
public final class StandardLog {
  public static final long SEED = 42;
  public static final int LINES = 100_000;
  public static final long UV = 20_265;
  public static final long ERRORS = 91;
  private static final Duration GEN_TIMEOUT = Duration.ofMinutes(5);

  private StandardLog() {
  }

  /** Where a file of {@code lines} lines is kept between runs. */
  public static Path file(int lines) {
    return Path.of(System.getProperty("java.io.tmpdir"), "showdown-logparse", "logs-seed" + SEED + "-" + lines + ".ndjson");
  }

  /** True when the file of {@code lines} lines is already made. */
  public static boolean exists(int lines) throws Exception {
    Path file = file(lines);
    return Files.isRegularFile(file) && Files.size(file) > 0;
  }

  /**
   * The file of {@code lines} lines, made unless it exists by {@code logparse} (the command that starts
   * logparse-service, to which {@code gen ...} is added); its output goes to {@code log}.
   */
  public static Path ensure(int lines, List<String> logparse, Path log) throws Exception {
    Path file = file(lines);
    if (exists(lines)) {
      return file;
    }
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    List<String> command = new ArrayList<>(logparse);
    command.addAll(List.of("gen", "--lines", Integer.toString(lines), "--seed", Long.toString(SEED), "--out", partial.toString()));
    OneShot.run(command, log, GEN_TIMEOUT);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  /** The answer the 100,000-line file must get (its time aside). */
  static UvAnswer answer() {
    return new UvAnswer(LINES, UV, ERRORS, 0);
  }

  /** The counts of the 100,000-line file, as the fields of a contract answer. */
  public static String counts() {
    return "{\"lines\":" + LINES + ",\"uv\":" + UV + ",\"errors\":" + ERRORS + "}";
  }
}
