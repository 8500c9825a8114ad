package dev.showdown.grpc;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

import java.util.concurrent.TimeUnit;

/** Sends a command to a test Redis and waits (bounded) for its answer, for seeding and steering it. */
final class RedisCommands {
  private RedisCommands() {
  }

  static void send(Redis client, String command, String... args) {
    Request request = Request.cmd(Command.create(command));
    for (String arg : args) {
      request.arg(arg);
    }
    client.send(request).timeout(5, TimeUnit.SECONDS).await();
  }
}
