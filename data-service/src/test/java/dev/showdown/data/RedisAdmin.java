package dev.showdown.data;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** The test's own line to Redis: seeds keys and reads or steers the server, independently of the service. */
final class RedisAdmin implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final Redis redis;

  RedisAdmin(String url) {
    redis = Redis.createClient(vertx, url);
  }

  void set(String key, String value) {
    send(Request.cmd(Command.SET).arg(key).arg(value));
  }

  void del(String key) {
    send(Request.cmd(Command.DEL).arg(key));
  }

  /** A field of {@code INFO}, e.g. {@code connected_clients} or {@code keyspace_misses}. */
  long info(String field) {
    String info = send(Request.cmd(Command.INFO)).toString();
    for (String line : info.split("\r\n")) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.substring(field.length() + 1).trim());
      }
    }
    throw new IllegalStateException("INFO has no " + field);
  }

  /** Makes Redis hold every client's commands for {@code millis}: a slow Redis, for real. */
  void pauseClients(long millis) {
    send(Request.cmd(Command.CLIENT).arg("PAUSE").arg(millis));
  }

  Response send(Request request) {
    return redis.send(request).await();
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
