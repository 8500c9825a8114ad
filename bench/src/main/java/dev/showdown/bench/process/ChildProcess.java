package dev.showdown.bench.process;

import dev.showdown.bench.result.Credentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process the bench started and waits on: its output goes to a log file, its ready line gives its address,
 * and {@link #close()} stops it and every process under it with SIGTERM, then a kill after a bound.
 */
public final class ChildProcess implements AutoCloseable {
  private static final int TAIL_LINES = 15;
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  /**
   * Dependencies the bench names itself on each command line; a value left in its own environment would
   * silently switch a child that reads it as a fallback (grpc's store to Redis, say).
   */
  private static final List<String> UNSET = List.of("REDIS_URL", "UPSTREAM_URL");

  private final String name;
  private final List<String> command;
  private final Process process;
  private final Path log;
  private final CompletableFuture<ReadyLine.Address> ready = new CompletableFuture<>();
  private final List<String> startupLines = new ArrayList<>();
  private final Deque<String> tail = new ArrayDeque<>();
  /** The processes under this one when it was told to stop; they are waited for and killed with it. */
  private volatile List<ProcessHandle> family = List.of();

  private ChildProcess(String name, List<String> command, Process process, Path log) {
    this.name = name;
    this.command = List.copyOf(command);
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} and returns once it printed its ready line; if it exits first or stays silent past
   * {@code readyTimeout} it is stopped and the exception carries the last lines it printed. A password-carrying
   * {@code --redis URL} goes to the child's environment instead of its command line ({@link SecretArguments}).
   */
  public static ChildProcess start(String name, List<String> command, Path log, Duration readyTimeout)
      throws IOException {
    return start(name, command, null, log, readyTimeout);
  }

  /** As {@link #start(String, List, Path, Duration)}, in {@code directory} (null: the bench's own). */
  public static ChildProcess start(String name, List<String> command, Path directory, Path log, Duration readyTimeout)
      throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    SecretArguments arguments = SecretArguments.of(command);
    ProcessBuilder builder = new ProcessBuilder(arguments.command()).redirectErrorStream(true);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    UNSET.forEach(builder.environment()::remove);
    builder.environment().putAll(arguments.environment());
    Process process = builder.start();
    ChildProcess child = new ChildProcess(name, command, process, log);
    ChildProcesses.register(child);
    Thread pump = new Thread(child::pumpOutput, "child-output-" + name);
    pump.setDaemon(true);
    pump.start();
    try {
      child.ready.get(readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return child;
    } catch (TimeoutException e) {
      child.close();
      throw new IOException(name + " printed no ready line within " + readyTimeout.toSeconds() + " s" + child.lastLines());
    } catch (ExecutionException e) {
      child.close();
      throw new IOException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      child.close();
      Thread.currentThread().interrupt();
      throw new IOException(name + ": interrupted while waiting for it to start", e);
    }
  }

  private void pumpOutput() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
         Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      String raw;
      while ((raw = out.readLine()) != null) {
        // A child may print the URLs it was given; its log and the lines quoted in reports must not show a password.
        String line = Credentials.mask(raw);
        file.write(line);
        file.write('\n');
        file.flush();
        remember(line);
        if (!ready.isDone()) {
          ReadyLine.parse(line).ifPresent(ready::complete);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // The stream closes when the process dies; what matters is reported below from its exit status.
    }
    int status = waitForExit();
    ready.completeExceptionally(new IOException(name + " exited with status " + status + " before it was ready" + lastLines()));
  }

  private synchronized void remember(String line) {
    if (!ready.isDone()) {
      startupLines.add(line);
    }
    tail.addLast(line);
    if (tail.size() > TAIL_LINES) {
      tail.removeFirst();
    }
  }

  private int waitForExit() {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The last lines the process printed, ready to append to an error message. */
  public synchronized String lastLines() {
    return tail.isEmpty() ? " (it printed nothing; log: " + log + ")"
        : ":\n    " + String.join("\n    ", tail) + "\n    (log: " + log + ")";
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public List<String> command() {
    return command;
  }

  public Path log() {
    return log;
  }

  public ReadyLine.Address address() {
    return ready.getNow(null);
  }

  /** {@code http://host:port} from the ready line. */
  public String url() {
    return address().url();
  }

  public int port() {
    return address().port();
  }

  /** What the process printed up to its ready line (services print transport, JDK and flags there). */
  public synchronized List<String> startupLines() {
    return List.copyOf(startupLines);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM to the process and to every process under it (uvicorn's workers, say), remembered for the wait. */
  void terminate() {
    family = process.descendants().toList();
    family.forEach(ProcessHandle::destroy);
    process.destroy();
  }

  /**
   * Waits up to {@code grace} for the process and everything that was under it to exit, then kills what is
   * left: a descendant that outlived its parent is an orphan no one else would stop.
   */
  void awaitOrKill(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
      }
      for (ProcessHandle member : family) {
        awaitOrKill(member, Math.max(0, deadline - System.nanoTime()));
      }
    } catch (InterruptedException e) {
      family.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      ChildProcesses.unregister(this);
    }
  }

  private static void awaitOrKill(ProcessHandle member, long nanos) throws InterruptedException {
    try {
      member.onExit().get(nanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      member.destroyForcibly();
    }
  }

  /** SIGTERM, then a kill if the process has not exited within ten seconds. */
  @Override
  public void close() {
    terminate();
    awaitOrKill(STOP_GRACE);
  }
}
