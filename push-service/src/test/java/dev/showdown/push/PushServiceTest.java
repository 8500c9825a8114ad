package dev.showdown.push;

import dev.showdown.kit.Await;
import dev.showdown.kit.NetTransport;
import dev.showdown.push.core.PushMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.transport.Transport;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PushServiceTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TOKEN = "s3cret";

  @RegisterExtension
  final PushFixture push = new PushFixture();

  @Test
  void everyIntervalBothProtocolsGetTheSame100ByteMessageInOrder() throws Exception {
    push.start(PushSettings.forTest(Duration.ofMillis(100), null));
    assertBothProtocolsGetTheSameMessagesInOrder();
  }

  /** The TCP server is bare Netty on whatever transport Vert.x runs: the io_uring one must serve it too. */
  @Test
  void onIoUringBothProtocolsGetTheSameMessagesInOrder() throws Exception {
    assumeTrue(Transport.IO_URING.available(), "io_uring unavailable here");
    push.start(PushSettings.forTest(Duration.ofMillis(100), null), NetTransport.IO_URING);
    assertThat(push.running().server().transport()).isEqualTo("io_uring");
    assertBothProtocolsGetTheSameMessagesInOrder();
  }

  private void assertBothProtocolsGetTheSameMessagesInOrder() throws Exception {
    TestSubscriber tcp = TestSubscriber.tcp(push.clients(), push.service().tcpPort());
    TestSubscriber webSocket = TestSubscriber.webSocket(push.clients(), push.running().port());

    List<String> tcpMessages = tcp.awaitMessages(received -> received.size() >= 3, WAIT);
    List<String> wsMessages = webSocket.awaitMessages(received -> received.size() >= 3, WAIT);

    assertThat(tcpMessages).allSatisfy(message -> assertThat(message).hasSize(PushMessage.SIZE).startsWith("{\"seq\":"));
    assertThat(wsMessages).allSatisfy(message -> assertThat(message).hasSize(PushMessage.SIZE).startsWith("{\"seq\":"));
    assertConsecutive(tcp.seqs());
    assertConsecutive(webSocket.seqs());
    assertThat(push.service().stats().open(Protocol.TCP)).isEqualTo(1);
    assertThat(push.service().stats().open(Protocol.WEBSOCKET)).isEqualTo(1);
  }

  /** A reset is counted, not logged per connection, frees the place, and costs the other subscribers nothing. */
  @Test
  void tcpSubscribersThatVanishWithAResetAreCountedAndFreedWhileOthersKeepReceiving() throws Exception {
    push.start(PushSettings.forTest(Duration.ofMillis(50), null));
    TestSubscriber stays = TestSubscriber.tcp(push.clients(), push.service().tcpPort());
    List<Socket> vanishing = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Socket socket = new Socket("127.0.0.1", push.service().tcpPort());
      socket.setSoLinger(true, 0);
      vanishing.add(socket);
    }
    Await.until("21 connections", () -> push.service().stats().open() == 21, WAIT);
    for (Socket socket : vanishing) {
      socket.close();
    }

    Await.until("the reset connections to be freed", () -> push.service().stats().open() == 1, WAIT);
    assertThat(push.service().stats().socketErrors()).isPositive();
    int before = stays.seqs().size();
    stays.awaitMessages(received -> received.size() >= before + 3, WAIT);
    assertConsecutive(stays.seqs());
  }

  @Test
  void webSocketsAreNeverCompressedEvenWhenTheClientOffersIt() {
    push.start(PushSettings.forTest(Duration.ofHours(1), null));
    WebSocketClient offering = push.clients().createWebSocketClient(new WebSocketClientOptions()
        .setTryUsePerMessageCompression(true)
        .setTryUsePerFrameCompression(true));
    WebSocket webSocket = offering.connect(push.running().port(), "127.0.0.1", "/push").await();
    try {
      assertThat(webSocket.headers().get("Sec-WebSocket-Extensions")).isNull();
    } finally {
      webSocket.close().await();
    }
  }

  @Test
  void broadcastWithTheTokenPushesNow() throws Exception {
    push.start(PushSettings.forTest(Duration.ofHours(1), TOKEN));
    TestSubscriber tcp = TestSubscriber.tcp(push.clients(), push.service().tcpPort());
    Await.until("the connection to be registered", () -> push.service().stats().open() == 1, WAIT);

    HttpResponse<Buffer> response = push.running().client().post("/broadcast")
        .putHeader("Authorization", "Bearer " + TOKEN).send().await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getInteger("connections")).isEqualTo(1);
    long seq = response.bodyAsJsonObject().getLong("seq");
    tcp.awaitMessages(received -> received.size() == 1, WAIT);
    assertThat(tcp.seqs()).containsExactly(seq);
  }

  @Test
  void wrongOrMissingTokenIs401AndPushesNothing() {
    push.start(PushSettings.forTest(Duration.ofHours(1), TOKEN));

    HttpResponse<Buffer> wrong = push.running().client().post("/broadcast")
        .putHeader("Authorization", "Bearer nope").send().await();
    HttpResponse<Buffer> missing = push.running().send(HttpMethod.POST, "/broadcast", Buffer.buffer());

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.bodyAsJsonObject().getString("error")).contains("token");
    assertThat(wrong.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(push.service().stats().ticks()).isZero();
  }

  /** RFC 9110 11.1: the auth scheme is case-insensitive and followed by one or more spaces. */
  @Test
  void broadcastTakesTheBearerSchemeInAnyCase() {
    push.start(PushSettings.forTest(Duration.ofHours(1), TOKEN));

    for (String header : List.of("bearer " + TOKEN, "BEARER " + TOKEN, "bEaReR  " + TOKEN)) {
      HttpResponse<Buffer> response = push.running().client().post("/broadcast").putHeader("Authorization", header).send().await();
      assertThat(response.statusCode()).as(header).isEqualTo(200);
    }
    for (String header : List.of("Basic " + TOKEN, "Bearer" + TOKEN, "bearer " + TOKEN.toUpperCase())) {
      HttpResponse<Buffer> response = push.running().client().post("/broadcast").putHeader("Authorization", header).send().await();
      assertThat(response.statusCode()).as(header).isEqualTo(401);
    }
    assertThat(push.service().stats().ticks()).isEqualTo(3);
  }

  @Test
  void broadcastIsOffWithoutAToken() {
    push.start(PushSettings.forTest(Duration.ofHours(1), null));

    HttpResponse<Buffer> response = push.running().client().post("/broadcast")
        .putHeader("Authorization", "Bearer anything").send().await();

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("not found");
  }

  @Test
  void connectionsBeyondTheLimitAreRefusedOnBothProtocols() throws Exception {
    push.start(PushSettings.forTest(Duration.ofHours(1), null).withMaxConnections(2));
    TestSubscriber.tcp(push.clients(), push.service().tcpPort());
    TestSubscriber.webSocket(push.clients(), push.running().port());
    Await.until("two connections", () -> push.service().stats().open() == 2, WAIT);

    TestSubscriber refusedTcp = TestSubscriber.tcp(push.clients(), push.service().tcpPort());
    List<String> refusal = refusedTcp.awaitMessages(received -> !received.isEmpty(), WAIT);
    WebSocketClient webSocketClient = push.clients().createWebSocketClient();
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(push.running().port()).setURI("/push");

    assertThat(refusal).containsExactly("{\"error\":\"too many connections\"}");
    Await.until("the refused TCP connection to be closed", refusedTcp::closed, WAIT);
    assertThatThrownBy(() -> webSocketClient.connect(options).await()).hasMessageContaining("503");
    assertThat(push.service().stats().refused()).isEqualTo(2);
    assertThat(push.service().stats().open()).isEqualTo(2);
  }

  @Test
  void aClosedConnectionFreesItsPlace() throws Exception {
    push.start(PushSettings.forTest(Duration.ofHours(1), null).withMaxConnections(1));
    TestSubscriber first = TestSubscriber.webSocket(push.clients(), push.running().port());
    Await.until("one connection", () -> push.service().stats().open() == 1, WAIT);

    first.close();
    Await.until("the place to be free", () -> push.service().stats().open() == 0, WAIT);
    TestSubscriber second = TestSubscriber.tcp(push.clients(), push.service().tcpPort());

    Await.until("the second connection", () -> push.service().stats().open(Protocol.TCP) == 1, WAIT);
    assertThat(second.closed()).isFalse();
    assertThat(push.service().stats().refused()).isZero();
  }

  @Test
  void plainGetOnPushIsAJson400() {
    push.start(PushSettings.forTest(Duration.ofHours(1), null));

    HttpResponse<Buffer> response = push.running().get("/push");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("expected a WebSocket upgrade");
  }

  @Test
  void metricsShowThePushMeters() throws Exception {
    push.start(PushSettings.forTest(Duration.ofMillis(100), null));
    TestSubscriber tcp = TestSubscriber.tcp(push.clients(), push.service().tcpPort());
    tcp.awaitMessages(received -> !received.isEmpty(), WAIT);

    String metrics = push.running().get("/metrics").bodyAsString();

    assertThat(metrics).contains("push_connections_open{protocol=\"tcp\"} 1.0")
        .contains("push_messages_pushed_total")
        .contains("push_messages_dropped_total")
        .contains("push_connections_slow_closed_total")
        .contains("push_fanout_slowest_seconds");
    assertThat(push.service().stats().slowestFanOutMicros()).isPositive();
  }

  static void assertConsecutive(List<Long> seqs) {
    for (int i = 1; i < seqs.size(); i++) {
      assertThat(seqs.get(i)).as("seq after %s in %s", seqs.get(i - 1), seqs).isEqualTo(seqs.get(i - 1) + 1);
    }
  }
}
