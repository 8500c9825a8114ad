package dev.showdown.bench.env;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The version of the Redis actually running, from {@code INFO server}'s {@code redis_version} line. Blocking: call
 * it from a scenario's or the runner's thread, never from an event loop.
 */
public final class RedisVersion {
  private static final long TIMEOUT_SECONDS = 5;

  private RedisVersion() {
  }

  public static String of(String host, int port) throws IOException {
    return of("redis://" + host + ":" + port);
  }

  /** For a {@code redis://[:password@]host:port} URL, as {@code --redis} takes. */
  public static String of(String redisUrl) throws IOException {
    Vertx vertx = Vertx.vertx();
    try {
      Response info = Redis.createClient(vertx, redisUrl).send(Request.cmd(Command.INFO).arg("server"))
          .timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).await();
      return version(info.toString());
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot ask Redis for its version: " + e.getMessage(), e);
    } finally {
      vertx.close().await();
    }
  }

  /** The version, or {@code unknown (why)}: for metadata, where a missing answer must not stop the run. */
  public static String orUnknown(String redisUrl) {
    try {
      return of(redisUrl);
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** The {@code redis_version} of an INFO answer. */
  static String version(String info) throws IOException {
    return info.lines().filter(l -> l.startsWith("redis_version:"))
        .map(l -> l.substring("redis_version:".length()).strip())
        .findFirst().orElseThrow(() -> new IOException("INFO server named no redis_version"));
  }
}
