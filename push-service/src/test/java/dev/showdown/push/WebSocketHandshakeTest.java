package dev.showdown.push;

import dev.showdown.kit.Await;
import dev.showdown.kit.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /push} requests that are no valid opening handshake (RFC 6455 4.2.1), as bytes on a plain socket. */
class WebSocketHandshakeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

  @RegisterExtension
  final PushFixture push = new PushFixture();

  /** Each case's header fields, separated by {@code ;}. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "another version | Upgrade: websocket;Connection: Upgrade;Sec-WebSocket-Key: " + KEY + ";Sec-WebSocket-Version: 8 | 426 | unsupported WebSocket version (expected 13)",
      "no version      | Upgrade: websocket;Connection: Upgrade;Sec-WebSocket-Key: " + KEY + "                           | 426 | unsupported WebSocket version (expected 13)",
      "no key          | Upgrade: websocket;Connection: Upgrade;Sec-WebSocket-Version: 13                                  | 400 | missing or malformed Sec-WebSocket-Key",
      "a short key     | Upgrade: websocket;Connection: Upgrade;Sec-WebSocket-Key: c2hvcnQ=;Sec-WebSocket-Version: 13      | 400 | missing or malformed Sec-WebSocket-Key",
      "no Connection   | Upgrade: websocket;Sec-WebSocket-Key: " + KEY + ";Sec-WebSocket-Version: 13                       | 400 | expected Connection: Upgrade",
      "no Upgrade      | Connection: keep-alive                                                                             | 400 | expected a WebSocket upgrade",
  })
  void aRefusedHandshakeIsAJsonErrorThatCostsNoPlace(String name, String headers, int status, String reason) {
    push.start(PushSettings.forTest(Duration.ofHours(1), null).withMaxConnections(1));
    try (RawHttp socket = RawHttp.connect(push.running().port())) {
      RawHttp.Response response = socket.send("GET /push HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + headers.replace(";", "\r\n") + "\r\n\r\n").read(WAIT);

      assertThat(response.status()).isEqualTo(status);
      assertThat(response.header("Content-Type")).isEqualTo("application/json");
      assertThat(response.body()).isEqualTo("{\"error\":\"" + reason + "\"}");
      if (status == 426) {
        assertThat(response.header("Sec-WebSocket-Version")).isEqualTo("13");
      }
    }
    assertThat(push.service().stats().socketErrors()).isZero();
    assertThat(push.service().stats().refused()).isZero();
  }

  /** The one place --max-connections 1 allows is still free after a refused handshake. */
  @Test
  void aSubscriberStillGetsTheOnePlaceAfterARefusedHandshake() throws Exception {
    push.start(PushSettings.forTest(Duration.ofHours(1), null).withMaxConnections(1));
    try (RawHttp socket = RawHttp.connect(push.running().port())) {
      socket.send("GET /push HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 8\r\n\r\n").read(WAIT);
    }
    try (RawWebSocket subscriber = RawWebSocket.connect(push.running().port())) {
      Await.until("the subscriber to join", () -> push.service().stats().open(Protocol.WEBSOCKET) == 1, WAIT);
    }
  }
}
