package dev.showdown.push;

import dev.showdown.kit.Await;
import dev.showdown.kit.RawHttp;
import dev.showdown.kit.ServiceOptions;
import dev.showdown.push.core.PushMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebSocket side after the service takes the channel over from Vert.x: the frames on the wire, the control
 * frames (RFC 6455 5.5), the heartbeat, bad frames, and the graceful stop, seen by a client written from the RFC.
 */
class WebSocketSubscriberTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @RegisterExtension
  final PushFixture push = new PushFixture();

  @Test
  void eachPushIsOneFinalUnmaskedTextFrameOfTheMessage() throws Exception {
    push.start(PushSettings.forTest(Duration.ofMillis(100), null));
    try (RawWebSocket webSocket = RawWebSocket.connect(push.running().port())) {
      RawWebSocket.Frame first = webSocket.read();
      RawWebSocket.Frame second = webSocket.read();

      for (RawWebSocket.Frame frame : new RawWebSocket.Frame[] {first, second}) {
        assertThat(frame.fin()).isTrue();
        assertThat(frame.opcode()).isEqualTo(RawWebSocket.TEXT);
        assertThat(frame.masked()).isFalse();
        assertThat(frame.payload()).hasSize(PushMessage.SIZE);
      }
      assertThat(seq(second)).isEqualTo(seq(first) + 1);
    }
  }

  @Test
  void aPingIsAnsweredWithAPongOfTheSamePayload() throws Exception {
    push.start(PushSettings.forTest(Duration.ofHours(1), null));
    try (RawWebSocket webSocket = RawWebSocket.connect(push.running().port())) {
      webSocket.send(RawWebSocket.PING, "are you there".getBytes(StandardCharsets.UTF_8));

      assertThat(webSocket.readUntil(RawWebSocket.PONG).text()).isEqualTo("are you there");
    }
  }

  @Test
  void aPeerThatPingsWithoutReadingGetsNoMorePongsThanItsQueuesHold() throws Exception {
    push.start(PushSettings.forTest(Duration.ofHours(1), null));
    int pings = 20_000;
    try (RawWebSocket flooding = RawWebSocket.connect(push.running().port(), 4096)) {
      ByteArrayOutputStream flood = new ByteArrayOutputStream();
      for (int i = 0; i < pings; i++) {
        flood.writeBytes(RawWebSocket.frame(RawWebSocket.PING, "12345678".getBytes(StandardCharsets.US_ASCII)));
      }
      flood.writeBytes(RawWebSocket.frame(RawWebSocket.CLOSE, new byte[] {0x03, (byte) 0xE8}));
      flooding.sendRaw(flood.toByteArray());

      // Only now does it read: the pongs the service queued, then the echo of the close that followed the pings.
      int pongs = 0;
      for (RawWebSocket.Frame frame = flooding.read(); frame.opcode() != RawWebSocket.CLOSE; frame = flooding.read()) {
        assertThat(frame.opcode()).isEqualTo(RawWebSocket.PONG);
        pongs++;
      }
      // Queues: an 8 KB receive window, an 8 KB send buffer, the 4 KB write queue: about 2,000 10-byte pongs.
      assertThat(pongs).isPositive().isLessThan(pings / 4);
      assertThat(flooding.closedByPeer()).isTrue();
    }
  }

  @Test
  void aCloseIsEchoedAndTheConnectionLeavesItsShard() throws Exception {
    push.start(PushSettings.forTest(Duration.ofHours(1), null));
    try (RawWebSocket webSocket = RawWebSocket.connect(push.running().port())) {
      Await.until("the subscriber to join", () -> push.service().stats().open(Protocol.WEBSOCKET) == 1, WAIT);

      webSocket.send(RawWebSocket.CLOSE, new byte[] {0x03, (byte) 0xE8});

      assertThat(webSocket.readUntil(RawWebSocket.CLOSE).closeCode()).isEqualTo(1000);
      assertThat(webSocket.closedByPeer()).isTrue();
      Await.until("the subscriber to leave", () -> push.service().stats().open() == 0, WAIT);
      assertThat(push.service().stats().socketErrors()).isZero();
    }
  }

  @Test
  void aSubscriberThatNeverAnswersPingsIsClosedAsVanishedWhileOneThatAnswersStays() throws Exception {
    push.start(PushSettings.forTest(Duration.ofHours(1), null).withHeartbeat(Duration.ofSeconds(1)));
    TestSubscriber answering = TestSubscriber.webSocket(push.clients(), push.running().port());
    try (RawWebSocket silent = RawWebSocket.connect(push.running().port())) {
      assertThat(silent.readUntil(RawWebSocket.PING).payload()).isEmpty();

      Await.until("the silent subscriber to be closed", () -> push.service().stats().vanished() == 1, WAIT);
      assertThat(silent.closedByPeer()).isTrue();
    }
    assertThat(push.service().stats().open(Protocol.WEBSOCKET)).isEqualTo(1);
    assertThat(answering.closed()).isFalse();
  }

  @Test
  void aFrameOverTheSizeLimitClosesOnlyItsConnectionWith1009() throws Exception {
    // A masked binary frame announcing 2^31 bytes: refused from its header, before any payload.
    assertRefusedWhileOthersKeepReceiving(
        new byte[] {(byte) 0x82, (byte) 0xFF, 0, 0, 0, 0, (byte) 0x80, 0, 0, 0, 1, 2, 3, 4}, 1009);
  }

  @Test
  void anUnmaskedClientFrameClosesOnlyItsConnectionWith1002() throws Exception {
    assertRefusedWhileOthersKeepReceiving(new byte[] {(byte) 0x81, 0x02, 'h', 'i'}, 1002);
  }

  private void assertRefusedWhileOthersKeepReceiving(byte[] badFrame, int closeCode) throws Exception {
    push.start(PushSettings.forTest(Duration.ofMillis(100), null));
    TestSubscriber other = TestSubscriber.webSocket(push.clients(), push.running().port());
    try (RawWebSocket hostile = RawWebSocket.connect(push.running().port())) {
      hostile.sendRaw(badFrame);

      assertThat(hostile.readUntil(RawWebSocket.CLOSE).closeCode()).isEqualTo(closeCode);
      assertThat(hostile.closedByPeer()).isTrue();
    }
    Await.until("the hostile subscriber to be counted and gone",
        () -> push.service().stats().socketErrors() == 1 && push.service().stats().open() == 1, WAIT);
    long seen = other.messages().size();
    other.awaitMessages(received -> received.size() >= seen + 3, WAIT);
    PushServiceTest.assertConsecutive(other.seqs());
  }

  @Test
  void subscribersLeaveVertxsConnectionGaugeUnchangedWhenTheyComeAndGo() throws Exception {
    push.start(PushSettings.forTest(Duration.ofHours(1), null));
    double before = activeHttpConnections();
    for (int i = 0; i < 3; i++) {
      try (RawWebSocket passing = RawWebSocket.connect(push.running().port())) {
        Await.until("the subscriber to join", () -> push.service().stats().open() == 1, WAIT);
      }
      Await.until("the subscriber to leave", () -> push.service().stats().open() == 0, WAIT);
    }
    TestSubscriber held = TestSubscriber.webSocket(push.clients(), push.running().port());
    Await.until("the held subscriber to join", () -> push.service().stats().open() == 1, WAIT);

    assertThat(activeHttpConnections()).isEqualTo(before);
    held.close();
    Await.until("the last subscriber to leave", () -> push.service().stats().open() == 0, WAIT);
    assertThat(activeHttpConnections()).isEqualTo(before);
  }

  @Test
  void aGracefulStopSaysGoingAwayToWebSocketsWithoutWaitingOutTheGrace() throws Exception {
    push.start(PushSettings.forTest(Duration.ofHours(1), null));
    try (RawWebSocket webSocket = RawWebSocket.connect(push.running().port())) {
      Await.until("the subscriber to join", () -> push.service().stats().open(Protocol.WEBSOCKET) == 1, WAIT);

      // Stopped on a grace far longer than the wait: only closing the subscriber lets the stop complete in time.
      push.running().server().stop(Duration.ofMinutes(5)).toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

      assertThat(webSocket.readUntil(RawWebSocket.CLOSE).closeCode()).isEqualTo(1001);
      assertThat(webSocket.closedByPeer()).isTrue();
    }
  }

  /**
   * The kit's idle timeout is for HTTP connections: a subscriber quiet for longer (no push due, no heartbeat yet)
   * stays. A plain HTTP connection opened after it on the same server is the clock: once that one has been
   * closed as idle, the subscriber has been idle for longer.
   */
  @Test
  void aSubscriberIdleLongerThanTheIdleTimeoutStaysOpenAndReceivesPushes() throws Exception {
    push.start(PushSettings.forTest(Duration.ofHours(1), "token"),
        ServiceOptions.loopback(2).withIdleTimeout(Duration.ofMillis(300)));
    try (RawWebSocket subscriber = RawWebSocket.connect(push.running().port())) {
      Await.until("the subscriber to join", () -> push.service().stats().open(Protocol.WEBSOCKET) == 1, WAIT);
      try (RawHttp clock = RawHttp.connect(push.running().port())) {
        assertThat(clock.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n").read(WAIT).status()).isEqualTo(200);
        assertThat(clock.closedWithin(WAIT)).as("the HTTP connection closed as idle").isTrue();
      }

      HttpResponse<Buffer> broadcast = push.running().client().post("/broadcast")
          .putHeader("Authorization", "Bearer token").send().await();

      assertThat(broadcast.statusCode()).isEqualTo(200);
      assertThat(seq(subscriber.readUntil(RawWebSocket.TEXT))).isEqualTo(broadcast.bodyAsJsonObject().getLong("seq"));
      assertThat(push.service().stats().open(Protocol.WEBSOCKET)).isEqualTo(1);
    }
  }

  /** Taken over, a subscriber's channel keeps none of the kit's per-request handlers, nor their timers. */
  @Test
  void aSubscribersChannelKeepsNoneOfTheKitsHttpHandlers() throws Exception {
    push.start(PushSettings.forTest(Duration.ofHours(1), null));
    try (RawWebSocket subscriber = RawWebSocket.connect(push.running().port())) {
      Await.until("the subscriber to join", () -> push.service().stats().open(Protocol.WEBSOCKET) == 1, WAIT);

      List<List<String>> pipelines = subscriberPipelines();

      assertThat(pipelines).singleElement().asList()
          .contains("subscriber").doesNotContain("idle", "kitRequestStart", "kitRequestEnd");
    }
  }

  /** The handler names of every subscriber's channel, each read on its shard's loop. */
  private List<List<String>> subscriberPipelines() throws InterruptedException {
    Shards shards = push.service().shards();
    List<List<String>> pipelines = new CopyOnWriteArrayList<>();
    CountDownLatch visited = new CountDownLatch(shards.count());
    shards.eachOnItsLoop(shard -> {
      shard.forEach(subscriber -> pipelines.add(subscriber.channel.pipeline().names()));
      visited.countDown();
    });
    assertThat(visited.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("every shard visited").isTrue();
    return pipelines;
  }

  private double activeHttpConnections() {
    Matcher gauge = Pattern.compile("(?m)^vertx_http_server_active_connections(?:\\{[^}]*})? (\\S+)$")
        .matcher(push.running().get("/metrics").bodyAsString());
    assertThat(gauge.find()).as("the Vert.x connection gauge is exported").isTrue();
    return Double.parseDouble(gauge.group(1));
  }

  private static long seq(RawWebSocket.Frame frame) {
    return PushMessage.seq(frame.payload(), 0, frame.payload().length);
  }
}
