package dev.showdown.grpc;

import dev.showdown.kit.TestRedis;
import dev.showdown.proto.userservice.v1.GetUserRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grpc-service reading {@code user:{id}} from a real redis-server: answers, corrupt values, a slow and a dead Redis. */
class RedisStoreTest {
  private static final Duration STORE_TIMEOUT = Duration.ofMillis(400);

  private static TestRedis redis;
  private static Vertx vertx;
  private static Redis seeder;
  private static UserGrpcServer server;
  private static GrpcClient client;

  @BeforeAll
  static void start() throws IOException {
    redis = TestRedis.start();
    vertx = Vertx.vertx();
    seeder = Redis.createClient(vertx, redis.url());
    seed();
    server = UserGrpcServer.start(GrpcOptions.loopback().withRedis(redis.url(), STORE_TIMEOUT).withHttpPort(-1));
    client = new GrpcClient(server.port());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    client.close();
    server.stop(Duration.ofSeconds(1));
    seeder.close();
    vertx.close().await();
    redis.stop();
  }

  private static void seed() {
    redis("SET", "user:3", "{\"id\":3,\"name\":\"three\",\"email\":\"three@example.com\"}");
    redis("SET", "user:2", "not json");
    redis("DEL", "user:6");
    redis("LPUSH", "user:6", "not a string");
  }

  private static void redis(String command, String... args) {
    RedisCommands.send(seeder, command, args);
  }

  @Test
  void answersTheStoredUser() {
    assertThat(client.getUser(3).getName()).isEqualTo("three");
    assertThat(client.getUser(3).getEmail()).isEqualTo("three@example.com");
  }

  @Test
  void absentKeyIsNotFound() {
    client.assertFails(4, Status.Code.NOT_FOUND, "user 4 not found");
  }

  @Test
  void nonPositiveIdIsInvalidArgumentWithoutAskingRedis() {
    client.assertFails(-1, Status.Code.INVALID_ARGUMENT, "got -1");
  }

  @Test
  void unreadableStoredValueIsInternal() {
    client.assertFails(2, Status.Code.INTERNAL, "stored user 2 is unreadable: malformed JSON");
  }

  @Test
  void aRedisErrorReplyIsUnavailableWithoutItsText() {
    client.assertFailsExactly(6, Status.Code.UNAVAILABLE, "user store unavailable");
  }

  @Test
  void clientDeadlineIsHonouredWhileRedisIsStalled() {
    redis("CLIENT", "PAUSE", "1500", "ALL");
    long started = System.nanoTime();
    assertThatThrownBy(() -> client.users.withDeadlineAfter(200, TimeUnit.MILLISECONDS)
        .getUser(GetUserRequest.newBuilder().setUserId(3).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(STORE_TIMEOUT);
    awaitServing();
  }

  @Test
  void stalledRedisIsUnavailableAfterTheStoreTimeout() {
    redis("CLIENT", "PAUSE", "1500", "ALL");
    client.assertFailsExactly(3, Status.Code.UNAVAILABLE, "user store timed out");
    awaitServing();
  }

  @Test
  void deadRedisIsUnavailableWithoutItsAddressAndTheServiceRecoversWhenItReturns() {
    redis.stop();
    try {
      client.assertFailsExactly(3, Status.Code.UNAVAILABLE, "user store unavailable");
    } finally {
      redis.startAgain();
    }
    seed();
    awaitServing();
  }

  /** Waits (bounded) until user 3 is served again: Redis unpaused or reconnected. */
  private static void awaitServing() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        assertThat(client.getUser(3).getName()).isEqualTo("three");
        return;
      } catch (StatusRuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }
}
