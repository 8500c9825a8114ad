package dev.showdown.push;

import dev.showdown.kit.Durations;
import dev.showdown.kit.RedisUrls;
import dev.showdown.kit.ServiceMain;
import dev.showdown.push.core.Backoff;
import dev.showdown.push.core.RelayEnvelope;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Joins nodes through one Redis pub/sub channel: a broadcast is published once, sealed with this node's
 * origin, and every other subscribed node hands the message to its connections (the publishing node has
 * already handed it to its own, and skips its echo).
 * <p>
 * The subscription counts only once Redis confirms it: vertx-redis-client completes a SUBSCRIBE when it is
 * written, and a refusal (NOAUTH after a password was set, an ACL change) arrives later as an error reply on
 * the connection. Any way of not being subscribed (refused or reset connection, a close, an error reply, no
 * confirmation in time) leads to a new attempt after a capped, jittered backoff, for as long as the node runs.
 * Everything but {@link #publish} runs on the relay's own context.
 */
final class RedisRelay {
  static final String CHANNEL = "showdown:push";
  /** How long connecting and having the subscription confirmed may take before the attempt is given up. */
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
  private static final long PUBLISH_TIMEOUT_MS = 2_000;
  private static final long FIRST_RETRY_MS = 200;
  private static final long MAX_RETRY_MS = 5_000;

  private final Vertx vertx;
  private final Duration attemptTimeout;
  private final Context context;
  private final String printableUrl;
  private final Redis publisher;
  private final Redis subscriber;
  private final Consumer<byte[]> onMessage;
  private final RelayEnvelope envelope = new RelayEnvelope(new SecureRandom());
  private final Backoff backoff = new Backoff(FIRST_RETRY_MS, MAX_RETRY_MS, new SplittableRandom());
  private final Promise<Void> firstSubscription = Promise.promise();
  private final LongAdder reconnects = new LongAdder();
  private volatile RelayState state = RelayState.CONNECTING;
  private volatile boolean closed;
  /** Numbers the attempts: callbacks of an attempt given up (its timer, its connection's end) are ignored. */
  private int attempt;
  private RedisConnection connection;
  private long attemptTimer = -1;
  private String lastFailure;

  RedisRelay(Vertx vertx, String url, Duration attemptTimeout, Consumer<byte[]> onMessage) {
    this.vertx = vertx;
    this.attemptTimeout = attemptTimeout;
    this.context = vertx.getOrCreateContext();
    this.printableUrl = RedisUrls.masked(url);
    // A pool name each, or their pool meters would collide under the one name the shared options drew.
    this.publisher = Redis.createClient(vertx, new RedisOptions().setConnectionString(url).setPoolName("push-relay-publish"));
    this.subscriber = Redis.createClient(vertx, new RedisOptions().setConnectionString(url).setPoolName("push-relay-subscribe"));
    this.onMessage = onMessage;
  }

  /** The first subscription; fails if that first attempt fails, so a node never starts deaf to its cluster. */
  Future<Void> start() {
    context.runOnContext(v -> attempt());
    return firstSubscription.future();
  }

  /** Publishes a sealed message to every node; the future holds how many subscribed nodes Redis handed it to. */
  Future<Integer> publish(byte[] message) {
    return publisher.send(Request.cmd(Command.PUBLISH).arg(CHANNEL).arg(Buffer.buffer(envelope.seal(message))))
        .timeout(PUBLISH_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(Response::toInteger);
  }

  RelayState state() {
    return state;
  }

  long reconnects() {
    return reconnects.sum();
  }

  /** Publishes the relay's state as {@code push_relay_*} meters. */
  void bindTo(MeterRegistry registry) {
    Gauge.builder("push.relay.subscribed", this, relay -> relay.state == RelayState.SUBSCRIBED ? 1 : 0)
        .description("1 while Redis confirms this node's subscription to the relay channel, else 0").register(registry);
    FunctionCounter.builder("push.relay.reconnects", reconnects, LongAdder::sum)
        .description("Subscription attempts after the relay lost its subscription or failed to get one").register(registry);
  }

  Future<Void> close() {
    closed = true;
    state = RelayState.CONNECTING;
    // Closing the clients ends the subscriber's connection; its end handler finds the relay closed.
    publisher.close();
    subscriber.close();
    return Future.succeededFuture();
  }

  private void attempt() {
    if (closed) {
      return;
    }
    int current = ++attempt;
    attemptTimer = vertx.setTimer(attemptTimeout.toMillis(),
        id -> failed(current, "no subscription confirmed within " + Durations.format(attemptTimeout)));
    subscriber.connect().onComplete(connected -> {
      if (connected.failed()) {
        failed(current, ServiceMain.reason(connected.cause()));
        return;
      }
      RedisConnection opened = connected.result();
      if (current != attempt || closed) {
        opened.close();
        return;
      }
      connection = opened;
      opened.handler(reply -> received(current, reply));
      opened.exceptionHandler(failure -> failed(current, ServiceMain.reason(failure)));
      opened.endHandler(v -> failed(current, "connection closed"));
      opened.send(Request.cmd(Command.SUBSCRIBE).arg(CHANNEL))
          .onFailure(failure -> failed(current, ServiceMain.reason(failure)));
    });
  }

  private void received(int from, Response reply) {
    if (from != attempt) {
      return;
    }
    if (reply.type() == ResponseType.ERROR) {
      failed(from, reply.toString());
      return;
    }
    // Pub/sub replies are arrays: ["subscribe", channel, count] confirms, ["message", channel, payload] delivers.
    if ((reply.type() != ResponseType.PUSH && reply.type() != ResponseType.MULTI) || reply.size() == 0) {
      return;
    }
    String kind = reply.get(0).toString();
    if ("subscribe".equals(kind)) {
      subscribed();
    } else if ("message".equals(kind) && reply.size() == 3) {
      byte[] message = envelope.openForeign(reply.get(2).toBytes());
      if (message != null) {
        onMessage.accept(message);
      }
    }
  }

  private void subscribed() {
    vertx.cancelTimer(attemptTimer);
    if (lastFailure != null) {
      System.err.println("push-service: relay subscribed again to " + printableUrl);
      lastFailure = null;
    }
    backoff.reset();
    state = RelayState.SUBSCRIBED;
    firstSubscription.tryComplete();
  }

  private void failed(int from, String reason) {
    if (from != attempt || closed) {
      return;
    }
    attempt++;
    vertx.cancelTimer(attemptTimer);
    state = RelayState.CONNECTING;
    if (connection != null) {
      connection.close();
      connection = null;
    }
    if (!firstSubscription.future().isComplete()) {
      firstSubscription.fail("cannot subscribe to Redis at " + printableUrl + ": " + reason);
      return;
    }
    // One line per kind of failure, not one per attempt: a long outage would otherwise flood the log.
    if (!reason.equals(lastFailure)) {
      System.err.println("push-service: relay not subscribed to " + printableUrl + ": " + reason + "; retrying");
      lastFailure = reason;
    }
    reconnects.increment();
    vertx.setTimer(backoff.nextDelayMillis(), id -> attempt());
  }
}
