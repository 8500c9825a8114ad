package dev.showdown.bench.push;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientWarmUpTest {
  @Test
  void everySyntheticTcpLineGoesThroughTheCountingPath() {
    assertThat(ClientWarmUp.run(PushTarget.parse("tcp://127.0.0.1:8085"))).isEqualTo(ClientWarmUp.MESSAGES);
  }

  @Test
  void everySyntheticWebSocketFrameGoesThroughTheCountingPath() {
    assertThat(ClientWarmUp.run(PushTarget.parse("ws://127.0.0.1:8084/push"))).isEqualTo(ClientWarmUp.MESSAGES);
  }
}
