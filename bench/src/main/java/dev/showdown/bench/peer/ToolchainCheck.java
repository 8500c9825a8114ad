package dev.showdown.bench.peer;

import dev.showdown.kit.ServiceMain;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Whether a {@link Toolchain} is usable here: its binaries exist, its probe exits 0, its build succeeds. */
final class ToolchainCheck {
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
  /** What Go's build.sh prints (and exits 3) when a tool or library is missing. */
  private static final String MISSING = "missing: ";

  /** Usable, or the reason it is not: {@code not available: <install command>} or the failure of its build. */
  record Result(boolean available, String reason) {
    static final Result OK = new Result(true, null);

    static Result missing(String install) {
      return new Result(false, "not available: " + install);
    }
  }

  private ToolchainCheck() {
  }

  /** Checks the binaries and the probe only (for {@code bench peers}: no build). */
  static Result present(Toolchain toolchain, Path repo) {
    for (String binary : toolchain.binaries()) {
      if (!onPath(binary)) {
        return Result.missing(toolchain.install());
      }
    }
    Outcome probe = run(toolchain.probe(), repo, PROBE_TIMEOUT);
    return probe.status == 0 ? Result.OK : Result.missing(toolchain.install());
  }

  /** {@link #present}, then the build step, whose own {@code missing: apt-get install ...} line is the reason. */
  static Result ready(Toolchain toolchain, Path repo) {
    Result present = present(toolchain, repo);
    if (!present.available() || toolchain.build().isEmpty()) {
      return present;
    }
    Outcome build = run(toolchain.build(), repo, BUILD_TIMEOUT);
    if (build.status == 0) {
      return Result.OK;
    }
    for (String line : build.output.lines().toList()) {
      if (line.startsWith(MISSING)) {
        return Result.missing(line.substring(MISSING.length()).trim());
      }
    }
    List<String> lines = build.output.lines().toList();
    return new Result(false, String.join(" ", toolchain.build()) + " failed (exit " + build.status + "): "
        + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
  }

  static boolean onPath(String binary) {
    if (binary.contains("/")) {
      return Files.isExecutable(Path.of(binary));
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
        return true;
      }
    }
    return false;
  }

  private record Outcome(int status, String output) {
  }

  private static Outcome run(List<String> command, Path repo, Duration timeout) {
    try {
      Path output = Files.createTempFile("bench-toolchain", ".log");
      try {
        Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
            .redirectOutput(output.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor();
          return new Outcome(-1, "timed out after " + timeout.toSeconds() + " s");
        }
        return new Outcome(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      return new Outcome(-1, ServiceMain.reason(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(-1, "interrupted");
    }
  }
}
