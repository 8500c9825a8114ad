package dev.showdown.push;

import dev.showdown.kit.NetTransport;
import dev.showdown.kit.RunningService;
import dev.showdown.kit.ServiceOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.transport.Transport;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

  private Vertx clients;
  private RunningService running;
  private PushService service;

  @BeforeEach
  void setUp() {
    clients = Vertx.vertx();
  }

  @AfterEach
  void tearDown() {
    if (running != null) {
      running.close();
    }
    clients.close().await();
  }

  private void start(PushSettings settings) {
    start(settings, NetTransport.NATIVE);
  }

  private void start(PushSettings settings, NetTransport transport) {
    service = new PushService(settings, "127.0.0.1");
    running = RunningService.start(service, ServiceOptions.loopback(2).withTransport(transport));
  }

  @Test
  void everyIntervalBothProtocolsGetTheSame100ByteMessageInOrder() throws Exception {
    start(PushSettings.forTest(Duration.ofMillis(100), null));
    assertBothProtocolsGetTheSameMessagesInOrder();
  }

  /** The TCP listener is bare Netty on whatever transport Vert.x runs: the io_uring one must serve it too. */
  @Test
  void onIoUringBothProtocolsGetTheSameMessagesInOrder() throws Exception {
    assumeTrue(Transport.IO_URING.available(), "io_uring unavailable here");
    start(PushSettings.forTest(Duration.ofMillis(100), null), NetTransport.IO_URING);
    assertThat(running.server().transport()).isEqualTo("io_uring");
    assertBothProtocolsGetTheSameMessagesInOrder();
  }

  private void assertBothProtocolsGetTheSameMessagesInOrder() throws Exception {
    Listener tcp = Listener.tcp(clients, service.tcpPort());
    Listener webSocket = Listener.webSocket(clients, running.port());

    List<String> tcpMessages = tcp.awaitMessages(received -> received.size() >= 3, WAIT);
    List<String> wsMessages = webSocket.awaitMessages(received -> received.size() >= 3, WAIT);

    assertThat(tcpMessages).allSatisfy(message -> assertThat(message).hasSize(PushMessage.SIZE).startsWith("{\"seq\":"));
    assertThat(wsMessages).allSatisfy(message -> assertThat(message).hasSize(PushMessage.SIZE).startsWith("{\"seq\":"));
    assertConsecutive(tcp.seqs());
    assertConsecutive(webSocket.seqs());
    assertThat(service.stats().open(Protocol.TCP)).isEqualTo(1);
    assertThat(service.stats().open(Protocol.WEBSOCKET)).isEqualTo(1);
  }

  /** A reset is counted, not logged per connection, frees the place, and costs the other listeners nothing. */
  @Test
  void tcpListenersThatVanishWithAResetAreCountedAndFreedWhileOthersKeepReceiving() throws Exception {
    start(PushSettings.forTest(Duration.ofMillis(50), null));
    Listener stays = Listener.tcp(clients, service.tcpPort());
    List<Socket> vanishing = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Socket socket = new Socket("127.0.0.1", service.tcpPort());
      socket.setSoLinger(true, 0);
      vanishing.add(socket);
    }
    Await.until("21 connections", () -> service.stats().open() == 21, WAIT);
    for (Socket socket : vanishing) {
      socket.close();
    }

    Await.until("the reset connections to be freed", () -> service.stats().open() == 1, WAIT);
    assertThat(service.stats().socketErrors()).isPositive();
    int before = stays.seqs().size();
    stays.awaitMessages(received -> received.size() >= before + 3, WAIT);
    assertConsecutive(stays.seqs());
  }

  @Test
  void webSocketsAreNeverCompressedEvenWhenTheClientOffersIt() {
    start(PushSettings.forTest(Duration.ofHours(1), null));
    WebSocketClient offering = clients.createWebSocketClient(new WebSocketClientOptions()
        .setTryUsePerMessageCompression(true)
        .setTryUsePerFrameCompression(true));
    WebSocket webSocket = offering.connect(running.port(), "127.0.0.1", "/push").await();
    try {
      assertThat(webSocket.headers().get("Sec-WebSocket-Extensions")).isNull();
    } finally {
      webSocket.close().await();
    }
  }

  @Test
  void broadcastWithTheTokenPushesNow() throws Exception {
    start(PushSettings.forTest(Duration.ofHours(1), TOKEN));
    Listener tcp = Listener.tcp(clients, service.tcpPort());
    Await.until("the connection to be registered", () -> service.stats().open() == 1, WAIT);

    HttpResponse<Buffer> response = running.client().post("/broadcast")
        .putHeader("Authorization", "Bearer " + TOKEN).send().await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getInteger("connections")).isEqualTo(1);
    long seq = response.bodyAsJsonObject().getLong("seq");
    tcp.awaitMessages(received -> received.size() == 1, WAIT);
    assertThat(tcp.seqs()).containsExactly(seq);
  }

  @Test
  void wrongOrMissingTokenIs401AndPushesNothing() {
    start(PushSettings.forTest(Duration.ofHours(1), TOKEN));

    HttpResponse<Buffer> wrong = running.client().post("/broadcast")
        .putHeader("Authorization", "Bearer nope").send().await();
    HttpResponse<Buffer> missing = running.send(HttpMethod.POST, "/broadcast", Buffer.buffer());

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.bodyAsJsonObject().getString("error")).contains("token");
    assertThat(wrong.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(service.stats().ticks()).isZero();
  }

  @Test
  void broadcastIsOffWithoutAToken() {
    start(PushSettings.forTest(Duration.ofHours(1), null));

    HttpResponse<Buffer> response = running.client().post("/broadcast")
        .putHeader("Authorization", "Bearer anything").send().await();

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("not found");
  }

  @Test
  void connectionsBeyondTheLimitAreRefusedOnBothProtocols() throws Exception {
    start(PushSettings.forTest(Duration.ofHours(1), null).withMaxConnections(2));
    Listener.tcp(clients, service.tcpPort());
    Listener.webSocket(clients, running.port());
    Await.until("two connections", () -> service.stats().open() == 2, WAIT);

    Listener refusedTcp = Listener.tcp(clients, service.tcpPort());
    List<String> refusal = refusedTcp.awaitMessages(received -> !received.isEmpty(), WAIT);
    WebSocketClient webSocketClient = clients.createWebSocketClient();
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(running.port()).setURI("/push");

    assertThat(refusal).containsExactly("{\"error\":\"too many connections\"}");
    Await.until("the refused TCP connection to be closed", refusedTcp::closed, WAIT);
    assertThatThrownBy(() -> webSocketClient.connect(options).await()).hasMessageContaining("503");
    assertThat(service.stats().refused()).isEqualTo(2);
    assertThat(service.stats().open()).isEqualTo(2);
  }

  @Test
  void aClosedConnectionFreesItsPlace() throws Exception {
    start(PushSettings.forTest(Duration.ofHours(1), null).withMaxConnections(1));
    Listener first = Listener.webSocket(clients, running.port());
    Await.until("one connection", () -> service.stats().open() == 1, WAIT);

    first.close();
    Await.until("the place to be free", () -> service.stats().open() == 0, WAIT);
    Listener second = Listener.tcp(clients, service.tcpPort());

    Await.until("the second connection", () -> service.stats().open(Protocol.TCP) == 1, WAIT);
    assertThat(second.closed()).isFalse();
    assertThat(service.stats().refused()).isZero();
  }

  @Test
  void plainGetOnPushIsAJson400() {
    start(PushSettings.forTest(Duration.ofHours(1), null));

    HttpResponse<Buffer> response = running.get("/push");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("expected a WebSocket upgrade");
  }

  @Test
  void metricsShowThePushMeters() throws Exception {
    start(PushSettings.forTest(Duration.ofMillis(100), null));
    Listener tcp = Listener.tcp(clients, service.tcpPort());
    tcp.awaitMessages(received -> !received.isEmpty(), WAIT);

    String metrics = running.get("/metrics").bodyAsString();

    assertThat(metrics).contains("push_connections_open{protocol=\"tcp\"} 1.0")
        .contains("push_messages_pushed_total")
        .contains("push_messages_dropped_total")
        .contains("push_connections_slow_closed_total")
        .contains("push_fanout_slowest_seconds");
    assertThat(service.stats().slowestFanOutMicros()).isPositive();
  }

  static void assertConsecutive(List<Long> seqs) {
    for (int i = 1; i < seqs.size(); i++) {
      assertThat(seqs.get(i)).as("seq after %s in %s", seqs.get(i - 1), seqs).isEqualTo(seqs.get(i - 1) + 1);
    }
  }
}
