package dev.showdown.bench.push;

import dev.showdown.bench.verify.Check;
import dev.showdown.bench.verify.Verification;
import dev.showdown.kit.ServiceOptions;
import dev.showdown.kit.ServiceServer;
import dev.showdown.push.PushService;
import dev.showdown.push.PushSettings;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The push checks pass on the real push-service over TCP and WebSocket and fail on stand-ins that get one thing wrong. */
class PushVerifierTest {
  private static final Duration WAIT = Duration.ofSeconds(3);

  @Test
  void passesOnThePushServiceOverTcpAndWebSocket() {
    PushService service = new PushService(PushSettings.forTest(Duration.ofMillis(100), null), "127.0.0.1");
    ServiceServer server = ServiceServer.start(service, ServiceOptions.loopback(1)).await();
    try {
      for (PushTarget target : new PushTarget[] {
          new PushTarget(false, "127.0.0.1", service.tcpPort(), ""), new PushTarget(true, "127.0.0.1", server.port(), "/push")}) {
        Verification verification = verify(target);
        assertThat(verification.passed()).as(String.join("\n", verification.lines())).isTrue();
      }
    } finally {
      server.stop(Duration.ofSeconds(1)).await();
    }
  }

  @Test
  void ninetyNineBytesFail() throws Exception {
    try (PushStandIn wrong = PushStandIn.tcp((seq, ts) -> PushStandIn.message(seq, ts, 99, false))) {
      assertFirstFailure(verify(tcp(wrong)), "push 1 framing", "99 bytes + \\n");
    }
  }

  @Test
  void aTsInMillisecondsFails() throws Exception {
    try (PushStandIn wrong = PushStandIn.tcp((seq, ts) -> PushStandIn.message(seq, ts / 1000, 100, false))) {
      assertFirstFailure(verify(tcp(wrong)), "push 1 ts", "s off");
    }
  }

  @Test
  void aSeqThatDoesNotRiseFails() throws Exception {
    try (PushStandIn wrong = PushStandIn.tcp((seq, ts) -> PushStandIn.message(7, ts, 100, false))) {
      assertFirstFailure(verify(tcp(wrong)), "seq rises", "7");
    }
  }

  @Test
  void aSpacedJsonMessageOverWebSocketFails() throws Exception {
    try (PushStandIn wrong = PushStandIn.webSocket((seq, ts) -> PushStandIn.message(seq, ts, 100, true), TextWebSocketFrame::new)) {
      assertFirstFailure(verify(ws(wrong)), "push 1 body", "{\"seq\": 1, ");
    }
  }

  @Test
  void aBinaryFrameFails() throws Exception {
    try (PushStandIn wrong = PushStandIn.webSocket((seq, ts) -> PushStandIn.message(seq, ts, 100, false),
        text -> new BinaryWebSocketFrame(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII)))) {
      assertFirstFailure(verify(ws(wrong)), "push 1 framing", "BinaryWebSocketFrame");
    }
  }

  @Test
  void silenceFails() throws Exception {
    try (PushStandIn wrong = PushStandIn.webSocket((seq, ts) -> null, text -> null)) {
      Verification verification = new PushVerifier("test", ws(wrong), Duration.ofMillis(500)).verify();
      assertFirstFailure(verification, "2 pushes within 500ms", "0 pushes");
    }
  }

  private static PushTarget tcp(PushStandIn standIn) {
    return new PushTarget(false, "127.0.0.1", standIn.port(), "");
  }

  private static PushTarget ws(PushStandIn standIn) {
    return new PushTarget(true, "127.0.0.1", standIn.port(), "/push");
  }

  private static Verification verify(PushTarget target) {
    return new PushVerifier("test " + target.url(), target, WAIT).verify();
  }

  private static void assertFirstFailure(Verification verification, String check, String got) {
    assertThat(verification.passed()).isFalse();
    Check first = verification.firstFailure().orElseThrow();
    assertThat(first.name()).as(String.join("\n", verification.lines())).isEqualTo(check);
    assertThat(first.got()).contains(got);
  }
}
