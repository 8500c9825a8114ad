package dev.showdown.kit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandshakeCheckTest {
  private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

  @Test
  void acceptsWhatRfc6455Asks() {
    assertThat(HandshakeCheck.refusal("GET", "websocket", "keep-alive, Upgrade", KEY, "13")).isNull();
    assertThat(HandshakeCheck.refusal("GET", "WebSocket", "upgrade", " " + KEY + " ", " 13 ")).isNull();
  }

  @Test
  void refusesEachMissingRequirementWithItsStatus() {
    assertThat(HandshakeCheck.refusal("GET", null, "Upgrade", KEY, "13").status()).isEqualTo(400);
    assertThat(HandshakeCheck.refusal("POST", "websocket", "Upgrade", KEY, "13").status()).isEqualTo(405);
    assertThat(HandshakeCheck.refusal("GET", "websocket", "close", KEY, "13").status()).isEqualTo(400);
    assertThat(HandshakeCheck.refusal("GET", "websocket", "Upgrade", "c2hvcnQ=", "13").status()).isEqualTo(400);
    assertThat(HandshakeCheck.refusal("GET", "websocket", "Upgrade", "not base64!", "13").status()).isEqualTo(400);
    assertThat(HandshakeCheck.refusal("GET", "websocket", "Upgrade", KEY, null).status()).isEqualTo(426);
  }
}
