package dev.showdown.ping;

import dev.showdown.kit.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service as users run it: its own JVM, the ready line, SIGTERM, and a taken port. */
class PingProcessTest {

  @Test
  void printsTheReadyLineServesAndExitsZeroOnSigterm() throws Exception {
    try (ServiceProcess service = start("--host", "127.0.0.1", "--port", "0", "--event-loops", "2")) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/ping")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("{\"message\":\"pong\"}");

      service.sigterm();
      assertThat(service.exitStatus()).isZero();
      assertThat(service.stdout()).contains("ping-service listening on 127.0.0.1:" + service.port())
          .contains("ping-service stopped");
    }
  }

  @Test
  void exitsWithAClearMessageWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0);
         ServiceProcess service = start("--host", "0.0.0.0", "--port", Integer.toString(taken.getLocalPort()))) {
      assertThat(service.exitStatus()).isEqualTo(2);
      assertThat(service.stderr()).contains("ping-service: cannot start on 0.0.0.0:" + taken.getLocalPort())
          .contains("Address already in use")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void refusesAnInvalidFlagWithStatusTwoAndOneLine() throws Exception {
    try (ServiceProcess service = start("--port", "70000")) {
      assertThat(service.exitStatus()).isEqualTo(2);
      assertThat(service.stderr())
          .isEqualTo("ping-service: Invalid value for option '--port': 70000 is not a port (expected 0..65535)\n");
    }
  }

  private static ServiceProcess start(String... args) {
    return ServiceProcess.start(Main.class, List.of(), args);
  }
}
