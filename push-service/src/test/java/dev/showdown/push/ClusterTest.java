package dev.showdown.push;

import dev.showdown.kit.Await;
import dev.showdown.kit.RunningService;
import dev.showdown.kit.ServiceOptions;
import dev.showdown.kit.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two nodes joined through a real Redis: a broadcast on either reaches the subscribers of both. */
class ClusterTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String TOKEN = "cluster-token";

  private TestRedis redis;
  private Vertx clients;
  private PushService serviceA;
  private PushService serviceB;
  private RunningService nodeA;
  private RunningService nodeB;

  @BeforeEach
  void setUp() {
    redis = TestRedis.start();
    clients = Vertx.vertx();
    PushSettings settings = PushSettings.forTest(Duration.ofHours(1), TOKEN).withRedis(redis.url());
    serviceA = new PushService(settings, "127.0.0.1");
    serviceB = new PushService(settings, "127.0.0.1");
    nodeA = RunningService.start(serviceA, ServiceOptions.loopback(1));
    nodeB = RunningService.start(serviceB, ServiceOptions.loopback(1));
  }

  @AfterEach
  void tearDown() {
    nodeA.close();
    nodeB.close();
    clients.close().await();
    redis.stop();
  }

  @Test
  void aBroadcastOnOneNodeReachesTheSubscribersOfBoth() throws Exception {
    TestSubscriber onA = TestSubscriber.webSocket(clients, nodeA.port());
    TestSubscriber onB = TestSubscriber.tcp(clients, serviceB.tcpPort());
    Await.until("a subscriber on each node", () -> serviceA.stats().open() == 1 && serviceB.stats().open() == 1, WAIT);

    JsonObject first = broadcast(nodeA);
    JsonObject second = broadcast(nodeB);

    assertThat(first.getInteger("nodes")).isEqualTo(2);
    assertThat(second.getInteger("nodes")).isEqualTo(2);
    onA.awaitMessages(received -> received.size() == 2, WAIT);
    onB.awaitMessages(received -> received.size() == 2, WAIT);
    assertThat(onA.messages()).isEqualTo(onB.messages()).allSatisfy(message -> assertThat(message).hasSize(100));
    assertThat(onA.seqs()).containsExactly(first.getLong("seq"), second.getLong("seq"));
  }

  /**
   * Redis refuses the relay's new SUBSCRIBE (a password was turned on) after its connection dropped: each node
   * keeps trying, says so in /health and /metrics, a broadcast is a 503 that still reaches the publishing
   * node's own subscribers, and once the password is off again both nodes subscribe by themselves.
   */
  @Test
  void aRelayRefusedBySubscribeKeepsTryingAndSubscribesAgainByItself() throws Exception {
    TestSubscriber onA = TestSubscriber.webSocket(clients, nodeA.port());
    TestSubscriber onB = TestSubscriber.tcp(clients, serviceB.tcpPort());
    Await.until("a subscriber on each node", () -> serviceA.stats().open() == 1 && serviceB.stats().open() == 1, WAIT);
    // Also leaves node A's publisher a connection let in before the password, as a long-running node has.
    JsonObject before = broadcast(nodeA);
    HttpResponse<Buffer> deaf;
    onB.awaitMessages(received -> received.size() == 1, WAIT);
    try (RedisAdmin admin = new RedisAdmin(clients, redis)) {
      admin.requirePassword("s3cret");
      admin.killSubscribers();

      Await.until("node A's relay to be refused at least twice", () -> refusedAgainAndAgain(nodeA), WAIT);
      assertThat(nodeA.get("/health").bodyAsJsonObject())
          .isEqualTo(new JsonObject().put("status", "UP").put("relay", "connecting"));
      assertThat(subscribed(nodeB)).isFalse();
      assertThat(metric(nodeA, "push_relay_subscribed")).isZero();
      assertThat(metric(nodeB, "push_relay_subscribed")).isZero();
      deaf = postBroadcast(nodeA);
      assertThat(deaf.statusCode()).isEqualTo(503);
      assertThat(deaf.getHeader("Content-Type")).isEqualTo("application/json");
      assertThat(deaf.bodyAsJsonObject().getString("error"))
          .isEqualTo("no node is subscribed to the relay; pushed to this node's connections only");
      assertThat(deaf.bodyAsJsonObject().getInteger("nodes")).isZero();
      onA.awaitMessages(received -> received.size() == 2, WAIT);

      admin.requirePassword("");
    }
    Await.until("both relays to subscribe again", () -> subscribed(nodeA) && subscribed(nodeB), WAIT);
    JsonObject heard = broadcast(nodeA);

    assertThat(heard.getInteger("nodes")).isEqualTo(2);
    assertThat(metric(nodeA, "push_relay_subscribed")).isEqualTo(1);
    assertThat(metric(nodeB, "push_relay_subscribed")).isEqualTo(1);
    assertThat(metric(nodeB, "push_relay_reconnects_total")).isPositive();
    onA.awaitMessages(received -> received.size() == 3, WAIT);
    onB.awaitMessages(received -> received.size() == 2, WAIT);
    assertThat(onA.seqs()).containsExactly(before.getLong("seq"), deaf.bodyAsJsonObject().getLong("seq"), heard.getLong("seq"));
    assertThat(onB.seqs()).containsExactly(before.getLong("seq"), heard.getLong("seq"));
  }

  @Test
  void whileRedisIsDownABroadcastIs503ReachesItsOwnNodeAndBothRelaysComeBackWithRedis() throws Exception {
    TestSubscriber onA = TestSubscriber.tcp(clients, serviceA.tcpPort());
    TestSubscriber onB = TestSubscriber.tcp(clients, serviceB.tcpPort());
    Await.until("a subscriber on each node", () -> serviceA.stats().open() == 1 && serviceB.stats().open() == 1, WAIT);
    redis.stop();
    Await.until("both relays to notice", () -> !subscribed(nodeA) && !subscribed(nodeB), WAIT);

    HttpResponse<Buffer> down = postBroadcast(nodeA);

    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.bodyAsJsonObject().getString("error")).isEqualTo("redis unavailable; pushed to this node's connections only");
    onA.awaitMessages(received -> received.size() == 1, WAIT);
    assertThat(onA.seqs()).containsExactly(down.bodyAsJsonObject().getLong("seq"));
    redis.startAgain();
    Await.until("both relays to subscribe again", () -> subscribed(nodeA) && subscribed(nodeB), WAIT);
    JsonObject heard = broadcast(nodeB);
    assertThat(heard.getInteger("nodes")).isEqualTo(2);
    onA.awaitMessages(received -> received.size() == 2, WAIT);
    onB.awaitMessages(received -> received.size() == 1, WAIT);
    assertThat(onB.seqs()).containsExactly(heard.getLong("seq"));
    assertThat(metric(nodeA, "push_relay_reconnects_total")).isPositive();
    assertThat(metric(nodeB, "push_relay_reconnects_total")).isPositive();
  }

  @Test
  void theRelayRefusesToStartWithoutItsRedis() {
    RedisRelay relay = new RedisRelay(clients, "redis://:s3cret@127.0.0.1:" + redis.port(), RedisRelay.ATTEMPT_TIMEOUT, message -> { });
    redis.stop();
    try {
      assertThatThrownBy(() -> relay.start().await())
          .hasMessageStartingWith("cannot subscribe to Redis at redis://:***@127.0.0.1:" + redis.port() + ": ")
          .hasMessageNotContaining("s3cret");
    } finally {
      relay.close();
      redis.startAgain();
    }
  }

  /** A peer that takes the connection and never answers: the attempt is given up, not waited on forever. */
  @Test
  void anAttemptRedisNeverAnswersIsGivenUp() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      RedisRelay relay = new RedisRelay(clients, "redis://127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(300), message -> { });
      try {
        assertThatThrownBy(() -> relay.start().await()).hasMessageEndingWith("no subscription confirmed within 300ms");
      } finally {
        relay.close();
      }
    }
  }

  /** Not subscribed, with at least two failed attempts after the first loss: the relay keeps trying. */
  private static boolean refusedAgainAndAgain(RunningService node) {
    return !subscribed(node) && metric(node, "push_relay_reconnects_total") >= 3;
  }

  private static boolean subscribed(RunningService node) {
    return "subscribed".equals(node.get("/health").bodyAsJsonObject().getString("relay"));
  }

  /** A meter's value, without labels, from the node's own Prometheus text (each node has a registry of its own). */
  private static double metric(RunningService node, String name) {
    return node.get("/metrics").bodyAsString().lines()
        .filter(line -> line.startsWith(name + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1)))
        .findFirst().orElseThrow(() -> new AssertionError("no meter " + name));
  }

  private static HttpResponse<Buffer> postBroadcast(RunningService node) {
    return node.client().post("/broadcast").putHeader("Authorization", "Bearer " + TOKEN).send().await();
  }

  private static JsonObject broadcast(RunningService node) {
    HttpResponse<Buffer> response = postBroadcast(node);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }
}
