package dev.showdown.lean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service started as a child JVM under the lean flag files, from this JVM's class path, with the lines it
 * printed until it was ready: {@code <service> started: ... jvm-flags=[...]} and its listening lines.
 */
final class LeanService implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Pattern LISTENING = Pattern.compile("listening on [^ ]+:(\\d+)");
  private static final Pattern JVM_FLAGS = Pattern.compile("jvm-flags=\\[(.*)]");

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();
  private volatile boolean outputEnded;

  private LeanService(Process process) {
    this.process = process;
    Thread pump = new Thread(this::pumpOutput, "lean-child-output");
    pump.setDaemon(true);
    pump.start();
  }

  static LeanService start(LeanArgfiles argfiles, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(argfiles.launcherArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return of(new ProcessBuilder(command));
  }

  /** A service started by {@code builder} (its stderr joined to its stdout), whatever command starts it. */
  static LeanService of(ProcessBuilder builder) throws IOException {
    return new LeanService(builder.redirectErrorStream(true).start());
  }

  /**
   * Waits until the service prints a line that starts with {@code prefix} and ends in {@code host:port}, and
   * returns that port; fails if the service exits or stays silent for too long first.
   */
  int port(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    int index = 0;
    while (true) {
      for (; index < seen.size(); index++) {
        String line = seen.get(index);
        Matcher listening = LISTENING.matcher(line);
        if (line.startsWith(prefix) && listening.find()) {
          return Integer.parseInt(listening.group(1));
        }
      }
      String line = lines.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.add(line);
      } else if (outputEnded && lines.isEmpty()) {
        throw new AssertionError("exited before '" + prefix + "'; it printed: " + seen);
      } else if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + prefix + "' within " + READY_TIMEOUT + "; it printed: " + seen);
      }
    }
  }

  /** The JVM input arguments the service reported in its {@code started} line. */
  String reportedJvmFlags() {
    for (String line : seen) {
      Matcher flags = JVM_FLAGS.matcher(line);
      if (flags.find()) {
        return flags.group(1);
      }
    }
    throw new AssertionError("no jvm-flags in what it printed: " + seen);
  }

  private void pumpOutput() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException closed) {
      // The child exited; what it printed is already queued.
    } finally {
      outputEnded = true;
    }
  }

  /** SIGTERM (a graceful stop), then a kill if it does not exit in time. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
