package dev.showdown.bench.logparse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end and times it from process start to exit, its output kept in a file. */
final class OneShot {
  record Result(int exitCode, long wallNanos, String output) {
  }

  private OneShot() {
  }

  static Result run(List<String> command, Path output, Duration timeout) throws IOException, InterruptedException {
    return run(command, null, output, timeout);
  }

  /** As {@link #run(List, Path, Duration)}, in {@code directory} (null: the bench's own). */
  static Result run(List<String> command, Path directory, Path output, Duration timeout) throws IOException, InterruptedException {
    return run(command, Map.of(), directory, output, timeout);
  }

  /** As {@link #run(List, Path, Path, Duration)}, with {@code environment} added to the bench's. */
  static Result run(List<String> command, Map<String, String> environment, Path directory, Path output, Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(output.getParent());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IOException("did not finish within " + timeout.toSeconds() + " s: " + String.join(" ", command));
    }
    long wall = System.nanoTime() - start;
    String text = Files.readString(output, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException("exit status " + process.exitValue() + " from " + String.join(" ", command) + ":\n" + text);
    }
    return new Result(process.exitValue(), wall, text);
  }
}
