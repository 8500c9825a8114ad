package dev.showdown.bench.verify;

import dev.showdown.kit.ServiceOptions;
import dev.showdown.kit.ServiceServer;
import dev.showdown.ping.PingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench verify}: every check printed, exit 0 when all pass, 1 when one fails, 2 for a usage error. */
class VerifyCommandTest {
  private ServiceServer ping;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private PrintStream stdout;

  @BeforeEach
  void start() {
    ping = ServiceServer.start(new PingService(), ServiceOptions.loopback(1)).await();
    stdout = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setOut(stdout);
    ping.stop(Duration.ofSeconds(1)).await();
  }

  @Test
  void exitsZeroWhenEveryCheckPasses() {
    assertThat(verify("ping=http://127.0.0.1:" + ping.port())).isZero();
    assertThat(output()).contains("ok    GET /ping: 200, application/json, {\"message\":\"pong\"}").contains("all 1 passed");
  }

  @Test
  void exitsOneWhenOneFails() throws Exception {
    try (WrongStandIn wrong = WrongStandIn.proxying("http://127.0.0.1:" + ping.port())
        .answering("POST /ping", 404, "text/plain", "404 page not found")) {
      assertThat(verify("ping=127.0.0.1:" + ping.port(), "ping=" + wrong.url())).isEqualTo(1);
    }
    assertThat(output()).contains("FAIL  POST /ping: expected 405, application/json").contains("1 of 2 FAILED");
  }

  @Test
  void anUnknownScenarioOrAddressIsAUsageError() {
    assertThat(verify("nosuch=http://127.0.0.1:1")).isEqualTo(2);
    assertThat(verify("push=http://127.0.0.1:1")).isEqualTo(2);
    assertThat(verify("grpc=nohost")).isEqualTo(2);
  }

  private static int verify(String... args) {
    return new CommandLine(new VerifyCommand()).execute(args);
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
