package dev.showdown.logparse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helper: the service (or a subcommand) in a JVM of its own, as users run it, with its output kept. */
final class ServiceProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("logparse-service listening on 127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private final Thread reader;

  private ServiceProcess(List<String> jvmFlags, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(Main.class.getName());
    command.addAll(args);
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    reader = new Thread(this::readOutput, "logparse-service-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the service on a free loopback port and returns once it is ready. */
  static ServiceProcess serve(List<String> jvmFlags, String... flags) throws Exception {
    List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0"));
    args.addAll(List.of(flags));
    ServiceProcess started = new ServiceProcess(jvmFlags, args);
    try {
      started.port.get(30, TimeUnit.SECONDS);
      return started;
    } catch (Exception e) {
      started.close();
      throw new AssertionError("not ready: " + started.output(), e);
    }
  }

  /** Runs a command line that is expected to end (bad flags, say) and returns its exit status. */
  static ServiceProcess run(String... args) throws IOException {
    return new ServiceProcess(List.of(), List.of(args));
  }

  private void readOutput() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        Matcher ready = READY.matcher(line);
        if (ready.matches()) {
          port.complete(Integer.parseInt(ready.group(1)));
        }
      }
    } catch (IOException e) {
      port.completeExceptionally(e);
    }
    port.completeExceptionally(new IllegalStateException("exited without the ready line"));
  }

  int port() {
    return port.join();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the process to end and its output to be read; returns its exit status. */
  int exitStatus() throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("still running: " + output());
    }
    reader.join(TimeUnit.SECONDS.toMillis(10));
    return process.exitValue();
  }

  /** Standard output and error so far. */
  String output() {
    return output.toString();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
