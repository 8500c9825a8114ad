package dev.showdown.kit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What arrives below the router, where Vert.x and Netty answer by themselves: each is a JSON error, and where the
 * request cannot be trusted the connection closes. Raw sockets, since an HTTP client would not send these bytes.
 */
class MalformedRequestTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static ServiceServerTest.ProbeService probe;
  private static RunningService service;

  @BeforeAll
  static void start() {
    probe = new ServiceServerTest.ProbeService();
    service = RunningService.start(probe);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "uri too long          | 414 | request line too long",
      "headers too large     | 431 | request headers too large",
      "malformed line        | 400 | malformed request",
      "bad content-length    | 400 | malformed request",
      "http/2.0 text         | 505 | HTTP version not supported",
      "made-up method        | 501 | method not implemented",
      "te and cl             | 400 | both Content-Length and Transfer-Encoding",
      "two hosts             | 400 | more than one Host header",
      "no host               | 400 | missing Host header",
      "te in http/1.0        | 400 | Transfer-Encoding in an HTTP/1.0 request",
      "te not chunked        | 400 | Transfer-Encoding must end in chunked",
      "te gzip then chunked  | 501 | unsupported transfer coding",
      "bad chunk size        | 400 | malformed chunked body",
      "bad second chunk      | 400 | malformed chunked body",
  })
  void isAJsonErrorAndTheConnectionCloses(String request, int status, String reason) {
    try (RawHttp socket = RawHttp.connect(service.port())) {
      socket.send(bytesOf(request));
      RawHttp.Response response = socket.read(WAIT);
      assertThat(response.status()).isEqualTo(status);
      assertThat(response.header("Content-Type")).isEqualTo("application/json");
      assertThat(response.body()).isEqualTo("{\"error\":\"" + reason + "\"}");
      assertThat(socket.closedWithin(WAIT)).as("closed after the error").isTrue();
    }
    assertThat(service.get("/health").statusCode()).isEqualTo(200);
  }

  private static String bytesOf(String request) {
    return switch (request) {
      case "uri too long" -> "GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
      case "headers too large" -> "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9000) + "\r\n\r\n";
      case "malformed line" -> "GET\r\nHost: x\r\n\r\n";
      case "bad content-length" -> "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n";
      case "http/2.0 text" -> "GET /health HTTP/2.0\r\nHost: x\r\n\r\n";
      case "made-up method" -> "FROB /health HTTP/1.1\r\nHost: x\r\n\r\n";
      case "te and cl" -> "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "0\r\n\r\n";
      case "two hosts" -> "GET /health HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n";
      case "no host" -> "GET /health HTTP/1.1\r\n\r\n";
      case "te in http/1.0" -> "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
      case "te not chunked" -> "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nabc";
      case "te gzip then chunked" -> "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n";
      case "bad chunk size" -> "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n";
      case "bad second chunk" -> "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"
          + "-1\r\nabc\r\n";
      default -> throw new IllegalArgumentException(request);
    };
  }

  @Test
  void aWellFramedRequestOnTheSameConnectionsIsServedAndKeptOpen() {
    try (RawHttp socket = RawHttp.connect(service.port())) {
      socket.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
          + "POST /echo HTTP/1.1\r\nhost: x\r\nContent-Length: 2\r\n\r\nhi"
          + "GET /health HTTP/1.0\r\n\r\n");
      assertThat(socket.read(WAIT).body()).isEqualTo("{\"bytes\":3}");
      assertThat(socket.read(WAIT).body()).isEqualTo("{\"bytes\":2}");
      assertThat(socket.read(WAIT).body()).isEqualTo("{\"status\":\"UP\"}");
    }
  }

  /** The answer to a broken body keeps its place in line: the response owed to an earlier request goes first. */
  @Test
  void aMalformedChunkedBodyBehindAPendingResponseIsAnsweredAfterIt() {
    try (RawHttp socket = RawHttp.connect(service.port())) {
      socket.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
          + "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
      Await.until("the slow request arrived", () -> !probe.slowRequests.isEmpty());
      probe.slowRequests.get(0).complete();
      RawHttp.Response first = socket.read(WAIT);
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.body()).isEqualTo("done");
      RawHttp.Response second = socket.read(WAIT);
      assertThat(second.status()).isEqualTo(400);
      assertThat(second.header("Content-Type")).isEqualTo("application/json");
      assertThat(second.body()).isEqualTo("{\"error\":\"malformed chunked body\"}");
      assertThat(socket.closedWithin(WAIT)).as("closed after the error").isTrue();
    }
  }

  @Test
  void aBrokenWebSocketHandshakeIsAJsonError() {
    String upgrade = "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n";
    String key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    assertJsonError(upgrade + key + "Sec-WebSocket-Version: 8\r\n\r\n", 426,
        "unsupported WebSocket version (expected 13)");
    assertJsonError(upgrade + "Sec-WebSocket-Version: 13\r\n\r\n", 400, "missing or malformed Sec-WebSocket-Key");
    assertJsonError("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: keep-alive\r\n" + key
        + "Sec-WebSocket-Version: 13\r\n\r\n", 400, "expected Connection: Upgrade");
  }

  @Test
  void aValidWebSocketHandshakeIsStillAccepted() {
    try (RawHttp socket = RawHttp.connect(service.port())) {
      socket.send("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
      RawHttp.Response response = socket.read(WAIT);
      assertThat(response.status()).isEqualTo(101);
      assertThat(response.header("Sec-WebSocket-Accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }
  }

  private static void assertJsonError(String request, int status, String reason) {
    try (RawHttp socket = RawHttp.connect(service.port())) {
      RawHttp.Response response = socket.send(request).read(WAIT);
      assertThat(response.status()).isEqualTo(status);
      assertThat(response.header("Content-Type")).isEqualTo("application/json");
      assertThat(response.body()).isEqualTo("{\"error\":\"" + reason + "\"}");
    }
  }
}
