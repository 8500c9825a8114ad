package dev.showdown.grpc;

import dev.showdown.kit.RedisUrls;
import dev.showdown.proto.userservice.v1.User;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Users read from Redis {@code user:{id}} (the data-service's JSON) through the non-blocking Vert.x client. */
public final class RedisUserStore implements UserStore {
  private final Redis redis;
  private final String url;
  private final long timeoutMillis;

  public RedisUserStore(Vertx vertx, String url, int poolSize, Duration timeout) {
    this.url = RedisUrls.check(url);
    this.timeoutMillis = Math.max(1, timeout.toMillis());
    this.redis = Redis.createClient(vertx, new RedisOptions()
        .setConnectionString(url)
        .setMaxPoolSize(poolSize)
        // Every in-flight call may wait for a connection: far more than the standard load's 64.
        .setMaxPoolWaiting(4096)
        .setNetClientOptions(new NetClientOptions()
            .setTcpNoDelay(true)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis))));
  }

  @Override
  public Future<User> find(long id) {
    return redis.send(Request.cmd(Command.GET).arg("user:" + id))
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .map(RedisUserStore::toUser);
  }

  private static User toUser(Response value) {
    return value == null ? null : StoredUserJson.parse(value.toBytes());
  }

  @Override
  public String describe() {
    return "redis " + RedisUrls.masked(url);
  }

  @Override
  public Future<Void> close() {
    return redis.close();
  }
}
