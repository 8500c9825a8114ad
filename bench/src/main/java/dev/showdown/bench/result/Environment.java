package dev.showdown.bench.result;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Reads the conditions a run happened under: CPU model, cores, memory, the services' JDK, the git commit. */
public final class Environment {
  private Environment() {
  }

  public static RunResult.Machine machine() {
    return new RunResult.Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), memoryBytes(),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("os.version"));
  }

  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // Not Linux: fall through to the JVM's own description.
    }
    return System.getProperty("os.arch");
  }

  static long memoryBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Unknown memory is reported as 0 rather than guessed.
    }
    return 0;
  }

  /** What {@code <java> -version} says: the version line, e.g. {@code openjdk version "17.0.15" 2025-04-15}, and the VM line. */
  public static String javaVersion(String java) {
    String out = output(List.of(java, "-version"));
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      return "unknown (" + java + " -version printed nothing)";
    }
    // The first line names the version, the last the VM and its build; the middle one repeats the build.
    return lines.size() == 1 ? lines.get(0) : lines.get(0) + " / " + lines.get(lines.size() - 1);
  }

  /** The first line of {@code wrk -v}, e.g. {@code wrk 4.2.0 [epoll]}, without its copyright; empty when it prints none. */
  public static Optional<String> wrkVersion(Path wrk) {
    return output(List.of(wrk.toString(), "-v")).lines().findFirst()
        .map(line -> line.replaceAll("\\s*Copyright.*$", "").strip()).filter(line -> line.startsWith("wrk"));
  }

  /**
   * The JVM the bench itself runs on, e.g. {@code OpenJDK 64-Bit Server VM 17.0.15+6}: the built-in load generator
   * and the helper subcommands (upstream stub, grpc-load, push-client) run on it, not on the services' {@code --java}.
   */
  public static String benchJvm() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
  }

  public static RunResult.Git git(Path repoRoot) {
    String commit = output(List.of("git", "-C", repoRoot.toString(), "rev-parse", "HEAD")).strip();
    if (!commit.matches("[0-9a-f]{40}")) {
      return new RunResult.Git("unknown", false);
    }
    String status = output(List.of("git", "-C", repoRoot.toString(), "status", "--porcelain", "--untracked-files=no"));
    return new RunResult.Git(commit, !status.isBlank());
  }

  private static String output(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out;
      try (InputStream in = process.getInputStream()) {
        out = in.readAllBytes();
      }
      process.waitFor(30, TimeUnit.SECONDS);
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
