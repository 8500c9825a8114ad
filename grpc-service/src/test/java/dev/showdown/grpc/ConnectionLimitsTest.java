package dev.showdown.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One abusive HTTP/2 connection is cut off (GOAWAY) by the server's per-connection limits; others are served. */
class ConnectionLimitsTest {
  private static final long CLOSING_PING = 42;
  private static UserGrpcServer server;

  @BeforeAll
  static void start() throws IOException {
    server = UserGrpcServer.start(GrpcOptions.loopback().withHttpPort(-1));
  }

  @AfterAll
  static void stop() {
    server.stop(Duration.ofSeconds(1));
  }

  /**
   * The rapid-reset attack: open a call and cancel it at once, many times over. Without a limit the server
   * takes all 20,000 and answers the closing PING; with one it sends GOAWAY ENHANCE_YOUR_CALM long before.
   */
  @Test
  void aClientThatResetsStreamsAsFastAsItOpensThemGetsGoAwayWhileOthersAreServed() throws Exception {
    try (RawHttp2 raw = RawHttp2.connect(server.port())) {
      CompletableFuture<RawHttp2.Frame> verdict = firstOf(raw, frame -> frame.type() == RawHttp2.GOAWAY || frame.isPingAnswer(CLOSING_PING));
      try {
        for (int call = 0, stream = 1; call < 20_000; call++, stream += 2) {
          raw.openCall(stream);
          raw.reset(stream);
        }
        raw.ping(CLOSING_PING);
        raw.flush();
      } catch (IOException closedOnUs) {
        // The server may close before all is written: the verdict below still says how.
      }
      RawHttp2.Frame answer = verdict.get(20, TimeUnit.SECONDS);
      assertThat(answer).as("the server's answer to 20,000 resets").isNotNull();
      assertThat(answer.type()).as("frame type (7 = GOAWAY, 6 = the PING answered)").isEqualTo(RawHttp2.GOAWAY);
      assertThat(answer.goAwayError()).isEqualTo(RawHttp2.ENHANCE_YOUR_CALM);
    }
    try (GrpcClient polite = new GrpcClient(server.port())) {
      assertThat(polite.getUser(7).getName()).isEqualTo("user7");
    }
  }

  @Test
  void theServerAnnouncesHowManyCallsAConnectionMayHaveOpen() throws Exception {
    try (RawHttp2 raw = RawHttp2.connect(server.port())) {
      RawHttp2.Frame settings = raw.read();
      assertThat(settings.type()).isEqualTo(RawHttp2.SETTINGS);
      assertThat(settings.setting(RawHttp2.SETTINGS_MAX_CONCURRENT_STREAMS)).isEqualTo(GrpcOptions.loopback().maxCallsPerConnection());
    }
  }

  /** grpc-java enforces this by default; the service now states the limit, and this keeps it from loosening. */
  @Test
  void aClientThatPingsWithoutCallsGetsGoAway() throws Exception {
    try (RawHttp2 raw = RawHttp2.connect(server.port())) {
      CompletableFuture<RawHttp2.Frame> verdict = firstOf(raw, frame -> frame.type() == RawHttp2.GOAWAY);
      for (int ping = 0; ping < 10; ping++) {
        raw.ping(ping);
      }
      raw.flush();
      RawHttp2.Frame goAway = verdict.get(20, TimeUnit.SECONDS);
      assertThat(goAway).isNotNull();
      assertThat(goAway.goAwayError()).isEqualTo(RawHttp2.ENHANCE_YOUR_CALM);
    }
  }

  @Test
  void aRequestOverTheMessageSizeLimitIsResourceExhausted() {
    try (GrpcClient client = new GrpcClient(server.port())) {
      byte[] oversized = new byte[GrpcOptions.loopback().maxMessageSize() + 1];
      assertThatThrownBy(() -> RawBytes.getUser(client.channel, oversized))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
      assertThat(client.getUser(7).getName()).isEqualTo("user7");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads frames on a thread of its own until one that is {@code wanted} comes, or the connection ends ({@code null}). */
  private static CompletableFuture<RawHttp2.Frame> firstOf(RawHttp2 raw, Predicate<RawHttp2.Frame> wanted) {
    CompletableFuture<RawHttp2.Frame> verdict = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        for (RawHttp2.Frame frame = raw.read(); frame != null; frame = raw.read()) {
          if (wanted.test(frame)) {
            verdict.complete(frame);
            return;
          }
        }
      } catch (IOException closed) {
        // Reset by the server: the same as a close.
      }
      verdict.complete(null);
    }, "raw-http2-reader");
    reader.setDaemon(true);
    reader.start();
    return verdict;
  }
}
