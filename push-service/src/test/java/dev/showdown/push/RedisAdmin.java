package dev.showdown.push;

import dev.showdown.kit.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;

/**
 * An operator's connection to a test Redis, opened before any password is set: Redis keeps a connection that
 * was let in, so it can turn the password on and off again.
 */
final class RedisAdmin implements AutoCloseable {
  private final RedisConnection connection;

  RedisAdmin(Vertx vertx, TestRedis redis) {
    this.connection = Redis.createClient(vertx, redis.url()).connect().await();
  }

  /** {@code CONFIG SET requirepass}: new connections must authenticate; an empty password lets them in again. */
  void requirePassword(String password) {
    connection.send(Request.cmd(Command.CONFIG).arg("SET").arg("requirepass").arg(password)).await();
  }

  /** Drops every connection in pub/sub mode, as a failover or an ACL change would. */
  void killSubscribers() {
    connection.send(Request.cmd(Command.CLIENT).arg("KILL").arg("TYPE").arg("pubsub")).await();
  }

  @Override
  public void close() {
    connection.close().await();
  }
}
