package dev.showdown.push;

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

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two nodes joined through a real Redis: a broadcast on either reaches the listeners of both. */
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
  void aBroadcastOnOneNodeReachesTheListenersOfBoth() throws Exception {
    Listener onA = Listener.webSocket(clients, nodeA.port());
    Listener onB = Listener.tcp(clients, serviceB.tcpPort());
    Await.until("a listener on each node", () -> serviceA.stats().open() == 1 && serviceB.stats().open() == 1, WAIT);

    JsonObject first = broadcast(nodeA);
    JsonObject second = broadcast(nodeB);

    assertThat(first.getInteger("nodes")).isEqualTo(2);
    assertThat(second.getInteger("nodes")).isEqualTo(2);
    onA.awaitMessages(received -> received.size() == 2, WAIT);
    onB.awaitMessages(received -> received.size() == 2, WAIT);
    assertThat(onA.messages()).isEqualTo(onB.messages()).allSatisfy(message -> assertThat(message).hasSize(100));
    assertThat(onA.seqs()).containsExactly(first.getLong("seq"), second.getLong("seq"));
  }

  @Test
  void aBroadcastWhileRedisIsDownIs503AndTheRelayRecovers() throws Exception {
    Listener onB = Listener.tcp(clients, serviceB.tcpPort());
    Await.until("a listener on node B", () -> serviceB.stats().open() == 1, WAIT);
    redis.stop();

    HttpResponse<Buffer> down = nodeA.client().post("/broadcast").putHeader("Authorization", "Bearer " + TOKEN).send().await();

    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.bodyAsJsonObject().getString("error")).isEqualTo("redis unavailable");
    redis.startAgain();
    Await.until("both nodes to subscribe again", () -> publishReaches(2), WAIT);
    onB.awaitMessages(received -> !received.isEmpty(), WAIT);
  }

  @Test
  void theRelayRefusesToStartWithoutItsRedis() {
    RedisRelay relay = new RedisRelay(clients, "redis://127.0.0.1:" + redis.port(), message -> { });
    redis.stop();
    try {
      assertThatThrownBy(() -> relay.start().await()).hasMessageContaining("cannot subscribe to Redis");
    } finally {
      relay.close();
      redis.startAgain();
    }
  }

  private boolean publishReaches(int nodes) {
    HttpResponse<Buffer> response = nodeA.client().post("/broadcast").putHeader("Authorization", "Bearer " + TOKEN).send().await();
    return response.statusCode() == 200 && response.bodyAsJsonObject().getInteger("nodes") == nodes;
  }

  private static JsonObject broadcast(RunningService node) {
    HttpResponse<Buffer> response = node.client().post("/broadcast").putHeader("Authorization", "Bearer " + TOKEN).send().await();
    assertThat(response.statusCode()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }
}
