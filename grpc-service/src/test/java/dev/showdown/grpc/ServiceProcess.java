package dev.showdown.grpc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grpc-service in a child JVM, as the bench starts it: its stdout and stderr kept apart and in full, the
 * ready line watched for. Closing it kills the child if it still runs.
 */
final class ServiceProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("grpc-service listening on 127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private final StringBuffer stdout = new StringBuffer();
  private final StringBuffer stderr = new StringBuffer();
  private final Thread stdoutReader;
  private final Thread stderrReader;

  private ServiceProcess(Process process, Consumer<Process> onReady) {
    this.process = process;
    stdoutReader = drain(process.getInputStream(), stdout, line -> {
      Matcher ready = READY.matcher(line);
      if (ready.matches()) {
        onReady.accept(process);
        port.complete(Integer.parseInt(ready.group(1)));
      }
    });
    stderrReader = drain(process.getErrorStream(), stderr, line -> { });
  }

  /** Starts {@code grpc-service --host 127.0.0.1 --http-port -1 <flags>} with the given JVM flags. */
  static ServiceProcess start(List<String> jvmFlags, String... flags) {
    return start(jvmFlags, process -> { }, flags);
  }

  /** As {@link #start(List, String...)}, and runs {@code onReady} on the reader thread the moment the ready line is read. */
  static ServiceProcess start(List<String> jvmFlags, Consumer<Process> onReady, String... flags) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        Main.class.getName(), "--host", "127.0.0.1", "--http-port", "-1"));
    command.addAll(List.of(flags));
    try {
      return new ServiceProcess(new ProcessBuilder(command).start(), onReady);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Thread drain(InputStream stream, StringBuffer into, Consumer<String> eachLine) {
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          into.append(line).append('\n');
          eachLine.accept(line);
        }
      } catch (IOException e) {
        into.append("(output unreadable: ").append(e).append(")\n");
      }
    }, "grpc-service-output");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  /** The gRPC port of the ready line; fails if it does not come within 30 s. */
  int port() throws Exception {
    return port.get(30, TimeUnit.SECONDS);
  }

  void sigterm() {
    process.destroy();
  }

  /** Waits (bounded) for the child to exit and for all its output to be read; returns its exit status. */
  int exitStatus() throws InterruptedException {
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("grpc-service exited").isTrue();
    stdoutReader.join(TimeUnit.SECONDS.toMillis(5));
    stderrReader.join(TimeUnit.SECONDS.toMillis(5));
    return process.exitValue();
  }

  /** Everything printed on stdout so far (all of it once {@link #exitStatus} returned). */
  String stdout() {
    return stdout.toString();
  }

  String stderr() {
    return stderr.toString();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
