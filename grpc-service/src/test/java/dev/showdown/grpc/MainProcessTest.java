package dev.showdown.grpc;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The service as the bench starts it: its own JVM, the ready line, a call, then SIGTERM. */
class MainProcessTest {
  private static final Pattern READY = Pattern.compile("grpc-service listening on 127\\.0\\.0\\.1:(\\d+)");

  private static Process launch(String... flags) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        Main.class.getName(), "--host", "127.0.0.1", "--http-port", "-1"));
    command.addAll(List.of(flags));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Completes with the port of the ready line; keeps draining the output so the child never blocks on it. */
  private static CompletableFuture<Integer> readyPort(Process process) {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          Matcher ready = READY.matcher(line);
          if (ready.matches()) {
            port.complete(Integer.parseInt(ready.group(1)));
          }
        }
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
      port.completeExceptionally(new IllegalStateException("exited without the ready line"));
    }, "grpc-service-output");
    reader.setDaemon(true);
    reader.start();
    return port;
  }

  @Test
  void printsTheReadyLineWithTheGrpcPortAndStopsWithZeroOnSigterm() throws Exception {
    Process process = launch("--port", "0");
    try {
      int port = readyPort(process).get(30, TimeUnit.SECONDS);
      assertThat(port).isPositive();
      try (GrpcClient client = new GrpcClient(port)) {
        assertThat(client.getUser(42).getName()).isEqualTo("user42");
      }
      process.destroy();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void exitsWithTwoAndAReasonWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Process process = launch("--port", Integer.toString(taken.getLocalPort()));
      try {
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).contains("grpc-service: cannot start on 127.0.0.1:" + taken.getLocalPort());
      } finally {
        process.destroyForcibly();
      }
    }
  }
}
