package dev.showdown.logparse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showdown.kit.RunningService;
import dev.showdown.logparse.core.Counting;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.showdown.logparse.core.Counting.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /uv} over real loopback HTTP: streamed, split, compressed, too large, abandoned. */
class UvServiceTest {
  private static final long MAX_BODY = 200_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** 20 lines, 8 users, errors on lines 3 and 21 (a blank line sits at 11). */
  private static final byte[] BODY = body();

  static RunningService service;

  @BeforeAll
  static void start() {
    service = RunningService.start(new LogparseService(2, MAX_BODY, 4096, 64L << 20));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static byte[] body() {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 21; i++) {
      if (i == 3) {
        text.append("{\"ctx\":{\"user_id\":\"nested\"}}\r\n");
      } else if (i == 11) {
        text.append("\n");
      } else if (i == 21) {
        text.append("{\"user_id\":\"truncat");
      } else {
        text.append("{\"user_id\":\"u\\u00").append(30 + i % 8).append("\",\"msg\":\"caf\u00e9\"}\n");
      }
    }
    return utf8(text.toString());
  }

  private static void assertCounted(int status, String body) throws IOException {
    assertThat(status).isEqualTo(200);
    JsonNode json = JSON.readTree(body);
    assertThat(json.get("lines").asLong()).isEqualTo(20);
    assertThat(json.get("uv").asLong()).isEqualTo(8);
    assertThat(json.get("errors").asLong()).isEqualTo(2);
    assertThat(json.get("first_errors").get(0).get("line").asLong()).isEqualTo(3);
    assertThat(json.get("first_errors").get(0).get("reason").asText()).isEqualTo("no top-level user_id");
    assertThat(json.get("first_errors").get(1).get("line").asLong()).isEqualTo(21);
    assertThat(json.get("elapsed_ms").isNumber()).isTrue();
  }

  @Test
  void countsAPlainBody() throws IOException {
    HttpResponse<Buffer> response = service.send(HttpMethod.POST, "/uv", Buffer.buffer(BODY));
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertCounted(response.statusCode(), response.bodyAsString());
  }

  @Test
  void countsABodySplitInsideLinesAndCharacters() throws IOException {
    // Pieces of 1, 2, 3... bytes: every line and the two-byte é are cut somewhere.
    List<byte[]> pieces = new ArrayList<>();
    for (int at = 0, size = 1; at < BODY.length; at += size, size = size % 13 + 1) {
      pieces.add(Arrays.copyOfRange(BODY, at, Math.min(BODY.length, at + size)));
    }
    RawHttp.Response response = RawHttp.postChunked(service.port(), "/uv", "", pieces);
    assertCounted(response.status(), response.body());
  }

  @Test
  void countsAGzipBodyStreamedInPieces() throws IOException {
    byte[] gzip = Counting.gzip(BODY);
    List<byte[]> pieces = new ArrayList<>();
    for (int at = 0; at < gzip.length; at += 5) {
      pieces.add(Arrays.copyOfRange(gzip, at, Math.min(gzip.length, at + 5)));
    }
    RawHttp.Response response = RawHttp.postChunked(service.port(), "/uv", "Content-Encoding: gzip\r\n", pieces);
    assertCounted(response.status(), response.body());
  }

  @Test
  void anEmptyBodyCountsNothing() throws IOException {
    HttpResponse<Buffer> response = service.send(HttpMethod.POST, "/uv", Buffer.buffer());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getLong("lines")).isZero();
    assertThat(response.bodyAsJsonObject().getLong("uv")).isZero();
  }

  @Test
  void aClientThatAsksBeforeSendingIsToldToGoOn() throws IOException {
    StringBuilder first = new StringBuilder();
    RawHttp.Response response = RawHttp.postAfterContinue(service.port(), "/uv", BODY, first);
    assertThat(first.toString()).isEqualTo("HTTP/1.1 100 Continue");
    assertCounted(response.status(), response.body());
  }

  @Test
  void aClientThatAsksBeforeSendingTooMuchIsRefusedBeforeItSends() throws IOException {
    StringBuilder first = new StringBuilder();
    RawHttp.Response response = RawHttp.postAfterContinue(service.port(), "/uv", new byte[(int) MAX_BODY + 1], first);
    assertThat(first.toString()).startsWith("HTTP/1.1 413");
    assertThat(response.status()).isEqualTo(413);
  }

  @Test
  void aDeclaredLengthOverTheLimitIs413BeforeAnyByteIsCounted() throws IOException {
    RawHttp.Response response = RawHttp.post(service.port(), "/uv", "", new byte[(int) MAX_BODY + 1]);
    assertThat(response.status()).isEqualTo(413);
    assertThat(JSON.readTree(response.body()).get("error").asText()).contains("larger than " + MAX_BODY);
  }

  @Test
  void aStreamedBodyOverTheLimitIs413() throws IOException {
    List<byte[]> pieces = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      pieces.add(utf8("{\"user_id\":\"u1\"}\n".repeat(500)));
    }
    RawHttp.Response response = RawHttp.postChunked(service.port(), "/uv", "", pieces);
    assertThat(response.status()).isEqualTo(413);
    assertThat(JSON.readTree(response.body()).has("error")).isTrue();
  }

  @Test
  void aSmallGzipBodyThatInflatesPastTheLimitIs413() throws IOException {
    byte[] bomb = Counting.gzip(utf8("{\"user_id\":\"u1\"}\n".repeat(100_000)));
    assertThat((long) bomb.length).isLessThan(MAX_BODY);
    RawHttp.Response response = RawHttp.post(service.port(), "/uv", "Content-Encoding: gzip\r\n", bomb);
    assertThat(response.status()).isEqualTo(413);
  }

  @Test
  void aBodyThatIsNotGzipIs400() throws IOException {
    RawHttp.Response response = RawHttp.post(service.port(), "/uv", "Content-Encoding: gzip\r\n", BODY);
    assertThat(response.status()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("error").asText()).startsWith("invalid gzip body");
  }

  @Test
  void aTruncatedGzipBodyIs400() throws IOException {
    byte[] gzip = Counting.gzip(BODY);
    RawHttp.Response response = RawHttp.post(service.port(), "/uv", "Content-Encoding: gzip\r\n",
        Arrays.copyOf(gzip, gzip.length - 3));
    assertThat(response.status()).isEqualTo(400);
  }

  @Test
  void anUnknownEncodingIs415() throws IOException {
    RawHttp.Response response = RawHttp.post(service.port(), "/uv", "Content-Encoding: br\r\n", BODY);
    assertThat(response.status()).isEqualTo(415);
    assertThat(JSON.readTree(response.body()).get("error").asText()).contains("br");
  }

  @Test
  void otherMethodsAre405() {
    HttpResponse<Buffer> response = service.get("/uv");
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("method not allowed");
  }

  @Test
  void aSlowUploadHoldsNoOneElseUp() throws IOException {
    int half = BODY.length / 2 + 3; // inside a line
    try (RawHttp.SplitUpload slow = new RawHttp.SplitUpload(service.port(), "/uv")) {
      slow.send(Arrays.copyOfRange(BODY, 0, half));
      // While the slow body is half in, other requests are counted and answered.
      for (int i = 0; i < 3; i++) {
        HttpResponse<Buffer> fast = service.send(HttpMethod.POST, "/uv", Buffer.buffer(BODY));
        assertCounted(fast.statusCode(), fast.bodyAsString());
      }
      slow.send(Arrays.copyOfRange(BODY, half, BODY.length));
      RawHttp.Response response = slow.finish();
      assertCounted(response.status(), response.body());
    }
  }

  @Test
  void clientsThatVanishMidBodyLeaveTheServiceAnswering() throws IOException {
    for (int i = 0; i < 20; i++) {
      RawHttp.abandon(service.port(), "/uv", Arrays.copyOf(BODY, BODY.length / 2));
    }
    HttpResponse<Buffer> response = service.send(HttpMethod.POST, "/uv", Buffer.buffer(BODY));
    assertCounted(response.statusCode(), response.bodyAsString());
  }
}
