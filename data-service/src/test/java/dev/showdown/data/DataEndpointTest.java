package dev.showdown.data;

import dev.showdown.kit.Await;
import dev.showdown.kit.RunningService;
import dev.showdown.kit.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /data/{id}} against a real Redis and a real upstream that misbehaves on demand. */
class DataEndpointTest {
  /** Small on purpose: the failure bursts below must overflow the pool, not just fill it. */
  private static final int POOL_PER_LOOP = 4;
  private static final Duration TIMEOUT = Duration.ofMillis(300);

  private static TestRedis redis;
  private static RedisAdmin admin;
  private static StubUpstream upstream;
  private static RunningService service;

  @BeforeAll
  static void start() {
    redis = TestRedis.start();
    admin = new RedisAdmin(redis.url());
    upstream = new StubUpstream();
    service = RunningService.start(new DataService(new DataSettings(UpstreamAddress.parse(upstream.url()),
        redis.url(), POOL_PER_LOOP, 0, TIMEOUT, TIMEOUT)));
  }

  @AfterAll
  static void stop() {
    service.close();
    upstream.close();
    admin.close();
    redis.stop();
  }

  @AfterEach
  void answerAgain() {
    upstream.behave(StubUpstream.Behaviour.ANSWER);
    upstream.release();
  }

  @Test
  void passesTheUpstreamBodyThroughBesideTheCacheValue() {
    admin.set("cache:7", "seven");

    HttpResponse<Buffer> response = service.get("/data/7");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsString()).isEqualTo("{\"api\":" + StubUpstream.item("7") + ",\"cache\":\"seven\"}");
  }

  @Test
  void anAbsentCacheKeyIsNull() {
    admin.del("cache:8");

    JsonObject body = service.get("/data/8").bodyAsJsonObject();

    assertThat(body.getJsonObject("api")).isEqualTo(new JsonObject(StubUpstream.item("8")));
    assertThat(body.containsKey("cache")).isTrue();
    assertThat(body.getValue("cache")).isNull();
  }

  @Test
  void aCacheValueIsEscapedAsAJsonString() {
    String awkward = "say \"hi\"\n\\ tab\t ünïcødé ✓";
    admin.set("cache:9", awkward);

    JsonObject body = service.get("/data/9").bodyAsJsonObject();

    assertThat(body.getString("cache")).isEqualTo(awkward);
  }

  @Test
  void asksRedisWhileTheUpstreamIsStillAnswering() {
    admin.set("cache:10", "ten");
    long lookups = admin.info("keyspace_hits");
    upstream.behave(StubUpstream.Behaviour.HOLD);

    Future<HttpResponse<Buffer>> pending = service.client().get("/data/10").send();
    // The upstream holds the request: Redis can only have been asked if both legs left together.
    Await.until("upstream holds the request", () -> upstream.held() == 1, Duration.ofSeconds(5));
    Await.until("Redis served cache:10", () -> admin.info("keyspace_hits") > lookups, Duration.ofSeconds(5));
    upstream.release();

    assertThat(pending.await().statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "0", "1.5", "+1", "1e3", "%20", "99999999999999999999", "9223372036854775808"})
  void aBadIdIs400AndReachesNoDependency(String id) {
    int before = upstream.requests();

    HttpResponse<Buffer> response = service.get("/data/" + id);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo(ItemId.RULE);
    assertThat(upstream.requests()).isEqualTo(before);
  }

  @Test
  void anEmptyIdIs400() {
    HttpResponse<Buffer> response = service.get("/data/");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo(ItemId.RULE);
  }

  @Test
  void theLargestIdIsAccepted() {
    assertThat(service.get("/data/" + Long.MAX_VALUE).statusCode()).isEqualTo(200);
  }

  @Test
  void anUpstream5xxIs502WithoutItsBody() {
    upstream.behave(StubUpstream.Behaviour.SERVER_ERROR);

    assertBadGateway(service.get("/data/1"), "upstream answered 500");
  }

  @Test
  void anUpstreamBodyThatIsNotJsonIs502WithoutItsBytes() {
    upstream.behave(StubUpstream.Behaviour.NOT_JSON);

    assertBadGateway(service.get("/data/1"), "upstream answered a body that is not JSON");
  }

  @Test
  void anUpstreamThatSpeaksNoHttpIs502WithoutItsBytes() {
    Vertx vertx = Vertx.vertx();
    try {
      NetServer garbage = vertx.createNetServer()
          .connectHandler(socket -> socket.write("SSH-2.0-OpenSSH_9.2 db=10.0.0.7:5432\r\n\r\n"))
          .listen(0, "127.0.0.1")
          .await();
      try (RunningService speaksNoHttp = startAgainst("http://127.0.0.1:" + garbage.actualPort())) {
        assertBadGateway(speaksNoHttp.get("/data/1"), "upstream unavailable");
      }
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void anOversizedUpstreamBodyIs502() {
    upstream.behave(StubUpstream.Behaviour.OVERSIZED);

    assertBadGateway(service.get("/data/1"), "upstream body larger than " + Upstream.MAX_BODY + " bytes");
  }

  @Test
  void aSilentUpstreamIs502AfterTheTimeout() {
    upstream.behave(StubUpstream.Behaviour.HOLD);

    assertBadGateway(service.get("/data/1"), "upstream timed out");
  }

  @Test
  void aDrippingUpstreamIs502ByTheTimeoutAndItsConnectionIsClosed() {
    upstream.behave(StubUpstream.Behaviour.DRIP);
    long timeout = TIMEOUT.toMillis();

    long start = System.nanoTime();
    // The client's own bound only keeps a failing run from hanging: the drip never ends by itself.
    HttpResponse<Buffer> response = service.client().get("/data/1").timeout(10 * timeout).send().await();
    long elapsed = (System.nanoTime() - start) / 1_000_000;

    assertBadGateway(response, "upstream timed out");
    assertThat(StubUpstream.DRIP_MILLIS).as("the drip is never idle for a whole timeout").isLessThan(timeout);
    assertThat(elapsed).as("answered within 3x the upstream timeout").isBetween(timeout, 3 * timeout);
    Await.until("the half-read connection closed, not pooled",
        () -> upstream.dripping() == 0, Duration.ofSeconds(5));
    upstream.behave(StubUpstream.Behaviour.ANSWER);
    assertThat(service.get("/data/2").statusCode()).isEqualTo(200);
  }

  @Test
  void aRefusingUpstreamIs502WithoutItsAddress() {
    try (RunningService refused = startAgainst("http://127.0.0.1:" + TestRedis.freePort())) {
      assertBadGateway(refused.get("/data/1"), "upstream unavailable");
    }
  }

  @Test
  void aClientThatLeavesMidRequestHarmsNothing() throws Exception {
    upstream.behave(StubUpstream.Behaviour.HOLD);
    try (Socket socket = new Socket("127.0.0.1", service.port())) {
      OutputStream out = socket.getOutputStream();
      out.write("GET /data/11 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Await.until("upstream holds the request", () -> upstream.held() == 1, Duration.ofSeconds(5));
    }
    upstream.behave(StubUpstream.Behaviour.ANSWER);
    upstream.release();

    assertThat(service.get("/data/11").statusCode()).isEqualTo(200);
  }

  @Test
  void afterBurstsOfFailuresThePoolsServeAFullLoadAgain() {
    int burst = 64;
    upstream.behave(StubUpstream.Behaviour.HOLD);
    assertThat(statuses(burst)).containsOnly(502);
    upstream.behave(StubUpstream.Behaviour.SERVER_ERROR);
    assertThat(statuses(burst)).containsOnly(502);
    upstream.release();
    upstream.behave(StubUpstream.Behaviour.ANSWER);

    assertThat(statuses(burst)).containsOnly(200);
    // Timed-out connections were closed, not leaked: at most one pool's worth per event loop stays open.
    Await.until("upstream connections back within the pools",
        () -> upstream.openConnections() <= POOL_PER_LOOP * service.server().eventLoops(), Duration.ofSeconds(5));
    assertThat(admin.info("connected_clients")).isLessThanOrEqualTo(service.server().eventLoops() + 1);
  }

  private static List<Integer> statuses(int concurrent) {
    List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>();
    for (int i = 1; i <= concurrent; i++) {
      responses.add(service.client().get("/data/" + i).send());
    }
    Future.join(responses).await();
    return responses.stream().map(response -> response.result().statusCode()).toList();
  }

  private static RunningService startAgainst(String upstreamUrl) {
    return RunningService.start(new DataService(DataSettings.of(upstreamUrl, redis.url())));
  }

  /** The whole body is the fixed reason: nothing of the failure's own text (address, errno, bytes) is added. */
  private static void assertBadGateway(HttpResponse<Buffer> response, String reason) {
    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsString()).isEqualTo(new JsonObject().put("error", reason).encode());
  }
}
