package dev.showdown.kit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections that send nothing, half a request, or a request a byte at a time are closed after the configured
 * (here short) timeouts, while the service goes on answering others and a connection in steady use stays open.
 */
class ConnectionTimeoutTest {
  private static final Duration IDLE = Duration.ofMillis(1200);
  private static final Duration REQUEST = Duration.ofMillis(400);
  /** Bound for "is closed": generous, since the machine is shared; the test is that it happens at all. */
  private static final Duration WITHIN = Duration.ofSeconds(10);
  private static ServiceServerTest.ProbeService probe;
  private static RunningService service;

  @BeforeAll
  static void start() {
    probe = new ServiceServerTest.ProbeService();
    service = RunningService.start(probe,
        ServiceOptions.loopback(1).withIdleTimeout(IDLE).withRequestTimeout(REQUEST));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void aConnectionThatSendsNothingIsClosedWhenIdle() {
    try (RawHttp silent = RawHttp.connect(service.port())) {
      assertThat(service.get("/health").statusCode()).isEqualTo(200);
      assertThat(silent.closedWithin(WITHIN)).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "GET /health HTTP/1.1\r\nHost: x\r\nX-Half: ",
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf"})
  void halfARequestIsAnswered408AndClosed(String half) {
    try (RawHttp stalled = RawHttp.connect(service.port())) {
      stalled.send(half);
      assertThat(service.get("/health").statusCode()).isEqualTo(200);
      assertTimedOut(stalled);
    }
  }

  @Test
  void headersTrickledFasterThanTheIdleTimeoutStillMeetTheRequestDeadline() {
    try (RawHttp trickle = RawHttp.connect(service.port())) {
      long deadline = System.nanoTime() + WITHIN.toNanos();
      trickle.send("GET /health HTTP/1.1\r\nHost: x\r\n");
      while (System.nanoTime() < deadline && !trickle.closedWithin(Duration.ofMillis(100))) {
        trickle.send("X-Drip: 1\r\n");
      }
      assertTimedOut(trickle);
    }
  }

  @Test
  void aConnectionInSteadyUseOutlivesBothTimeouts() throws InterruptedException {
    try (RawHttp steady = RawHttp.connect(service.port())) {
      long until = System.nanoTime() + IDLE.plus(REQUEST).multipliedBy(2).toNanos();
      int served = 0;
      while (System.nanoTime() < until) {
        assertThat(steady.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n").read(WITHIN).status()).isEqualTo(200);
        served++;
        Thread.sleep(REQUEST.toMillis() / 2);
      }
      assertThat(served).isGreaterThan(4);
    }
  }

  /** Push's WebSocket listeners: taken over after the upgrade, they keep the connection alive their own way. */
  @Test
  void aChannelTakenOverAfterAnUpgradeCanShedTheKitsTimeouts() throws Exception {
    try (RawHttp upgrading = RawHttp.connect(service.port())) {
      upgrading.send("GET /take-over HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
      List<List<String>> names = probe.takenOver.get(10, TimeUnit.SECONDS);
      assertThat(names.get(0)).contains("idle", "kitRequestStart", "kitRequestEnd", "kitMalformedBodies");
      assertThat(names.get(1)).doesNotContain("idle", "kitRequestStart", "kitRequestEnd", "kitMalformedBodies");
    }
  }

  private static void assertTimedOut(RawHttp connection) {
    RawHttp.Response response = connection.read(WITHIN);
    assertThat(response.status()).isEqualTo(408);
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
    assertThat(response.body()).isEqualTo("{\"error\":\"request timeout\"}");
    assertThat(connection.closedWithin(WITHIN)).isTrue();
  }
}
