package dev.showdown.kit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code main} in a child JVM, as users and the bench start it: its stdout and stderr kept apart and
 * in full, its ready line ({@code <name> listening on <host>:<port>}) watched for. Every wait is bounded. Closing
 * it kills the child if it still runs. Shared with every service's tests through the test-jar.
 */
public final class ServiceProcess implements AutoCloseable {
  /** Long enough for a child JVM to start on a loaded 2-core CI machine. */
  public static final Duration BOUND = Duration.ofSeconds(30);

  private static final Pattern READY = Pattern.compile("\\S+ listening on \\S+:(\\d+)");

  private final Process process;
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private final StringBuffer stdout = new StringBuffer();
  private final StringBuffer stderr = new StringBuffer();
  private final Thread stdoutReader;
  private final Thread stderrReader;

  private ServiceProcess(Process process, Predicate<String> atLine, Consumer<Process> action) {
    this.process = process;
    AtomicBoolean acted = new AtomicBoolean();
    stdoutReader = drain(process.getInputStream(), stdout, line -> {
      if (atLine.test(line) && acted.compareAndSet(false, true)) {
        action.accept(process);
      }
      Matcher ready = READY.matcher(line);
      if (ready.matches()) {
        port.complete(Integer.parseInt(ready.group(1)));
      }
    });
    stderrReader = drain(process.getErrorStream(), stderr, line -> { });
  }

  /** Starts {@code java <jvmFlags> -cp <the test's class path> <mainClass> <args>}. */
  public static ServiceProcess start(Class<?> mainClass, List<String> jvmFlags, String... args) {
    return start(mainClass, jvmFlags, process -> { }, args);
  }

  /** As {@link #start(Class, List, String...)}, and runs {@code onReady} on the reader thread the moment the ready line is read. */
  public static ServiceProcess start(Class<?> mainClass, List<String> jvmFlags, Consumer<Process> onReady,
                                     String... args) {
    return start(mainClass, jvmFlags, line -> READY.matcher(line).matches(), onReady, args);
  }

  /**
   * As {@link #start(Class, List, String...)}, and runs {@code action} on the reader thread the moment the first
   * stdout line that {@code atLine} accepts is read, before the next line is read.
   */
  public static ServiceProcess start(Class<?> mainClass, List<String> jvmFlags, Predicate<String> atLine,
                                     Consumer<Process> action, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        mainClass.getName()));
    command.addAll(List.of(args));
    try {
      return new ServiceProcess(new ProcessBuilder(command).start(), atLine, action);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Thread drain(InputStream stream, StringBuffer into, Consumer<String> eachLine) {
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          into.append(line).append('\n');
          eachLine.accept(line);
        }
      } catch (IOException e) {
        into.append("(output unreadable: ").append(e).append(")\n");
      }
      port.completeExceptionally(new IllegalStateException("the output ended without a ready line"));
    }, "service-process-output");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  /** The port of the ready line; fails the test if the line does not come within {@link #BOUND}. */
  public int port() {
    try {
      return port.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("no ready line within " + Durations.format(BOUND) + " (" + e.getMessage() + "); "
          + output(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for the ready line", e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Sends SIGTERM, as the bench and a terminal's kill do. */
  public void sigterm() {
    // Through the handle: Process.destroy would also close the streams, losing what the child prints as it stops.
    process.toHandle().destroy();
  }

  /** Waits (bounded) for the child to exit and for all its output to be read; returns its exit status. */
  public int exitStatus() throws InterruptedException {
    if (!process.waitFor(BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + Durations.format(BOUND) + "; " + output());
    }
    stdoutReader.join(TimeUnit.SECONDS.toMillis(5));
    stderrReader.join(TimeUnit.SECONDS.toMillis(5));
    return process.exitValue();
  }

  /** Everything printed on stdout so far (all of it once {@link #exitStatus} returned). */
  public String stdout() {
    return stdout.toString();
  }

  /** Everything printed on stderr so far (all of it once {@link #exitStatus} returned). */
  public String stderr() {
    return stderr.toString();
  }

  /** Both streams so far, labelled, for a failing assertion's message. */
  public String output() {
    return "stdout: " + stdout + "stderr: " + stderr;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
