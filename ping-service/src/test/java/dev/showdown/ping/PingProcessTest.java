package dev.showdown.ping;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The service as users run it: its own JVM, the ready line, SIGTERM, and a taken port. */
class PingProcessTest {
  private static final Pattern READY = Pattern.compile("ping-service listening on 127\\.0\\.0\\.1:(\\d+)");

  @Test
  void printsTheReadyLineServesAndExitsZeroOnSigterm() throws Exception {
    Process process = start("--host", "127.0.0.1", "--port", "0", "--event-loops", "2");
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      int port = readyPort(out);
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("{\"message\":\"pong\"}");

      process.toHandle().destroy(); // SIGTERM, leaving the output streams open to read the rest
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
      assertThat(rest(out)).contains("ping-service stopped");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void exitsWithAClearMessageWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Process process = start("--host", "0.0.0.0", "--port", Integer.toString(taken.getLocalPort()));
      try {
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).contains("ping-service: cannot start on 0.0.0.0:" + taken.getLocalPort())
            .contains("Address already in use")
            .doesNotContain("\tat ");
      } finally {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void refusesAnInvalidFlagWithStatusTwoAndOneLine() throws Exception {
    Process process = start("--port", "70000");
    try {
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(2);
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(err).isEqualTo("ping-service: Invalid value for option '--port': 70000 is not a port (expected 0..65535)"
          + System.lineSeparator());
    } finally {
      process.destroyForcibly();
    }
  }

  private static Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  private static int readyPort(BufferedReader out) throws IOException {
    String line;
    while ((line = out.readLine()) != null) {
      Matcher ready = READY.matcher(line);
      if (ready.matches()) {
        return Integer.parseInt(ready.group(1));
      }
    }
    throw new AssertionError("the service ended without a ready line");
  }

  private static String rest(BufferedReader out) throws IOException {
    StringBuilder text = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      text.append(line).append('\n');
    }
    return text.toString();
  }
}
