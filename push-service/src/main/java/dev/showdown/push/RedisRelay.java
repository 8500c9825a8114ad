package dev.showdown.push;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Joins nodes through one Redis pub/sub channel: a broadcast is published once, and every subscribed node
 * (this one included) hands the same 100 bytes to its connections. A lost subscription is re-established.
 */
final class RedisRelay {
  static final String CHANNEL = "showdown:push";
  private static final long RESUBSCRIBE_DELAY_MS = 500;
  private static final long START_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final Redis publisher;
  private final Redis subscriber;
  private final Consumer<byte[]> onMessage;
  private RedisConnection subscription;
  private volatile boolean closed;

  RedisRelay(Vertx vertx, String url, Consumer<byte[]> onMessage) {
    this.vertx = vertx;
    RedisOptions options = new RedisOptions().setConnectionString(url);
    this.publisher = Redis.createClient(vertx, options);
    this.subscriber = Redis.createClient(vertx, options);
    this.onMessage = onMessage;
  }

  /** Subscribes; fails when Redis cannot be reached in time, so a node never starts deaf to its cluster. */
  Future<Void> start() {
    return subscribe().timeout(START_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture("cannot subscribe to Redis: " + failure.getMessage()));
  }

  /** Publishes a message to every node; the future holds how many nodes received it. */
  Future<Integer> publish(byte[] message) {
    return publisher.send(Request.cmd(Command.PUBLISH).arg(CHANNEL).arg(Buffer.buffer(message)))
        .map(Response::toInteger);
  }

  Future<Void> close() {
    closed = true;
    if (subscription != null) {
      subscription.close();
    }
    publisher.close();
    subscriber.close();
    return Future.succeededFuture();
  }

  private Future<Void> subscribe() {
    return subscriber.connect().compose(connection -> {
      connection.handler(this::received);
      connection.exceptionHandler(failure -> { });
      connection.endHandler(v -> resubscribeLater());
      return connection.send(Request.cmd(Command.SUBSCRIBE).arg(CHANNEL))
          .onSuccess(ok -> subscription = connection)
          .onFailure(failure -> connection.close())
          .mapEmpty();
    });
  }

  private void resubscribeLater() {
    subscription = null;
    if (closed) {
      return;
    }
    vertx.setTimer(RESUBSCRIBE_DELAY_MS, id -> subscribe().onFailure(failure -> resubscribeLater()));
  }

  private void received(Response push) {
    // A pub/sub delivery is the array ["message", channel, payload].
    if (push.type() == ResponseType.PUSH || push.type() == ResponseType.MULTI) {
      if (push.size() == 3 && "message".equals(push.get(0).toString())) {
        onMessage.accept(push.get(2).toBytes());
      }
    }
  }
}
