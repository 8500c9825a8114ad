package dev.showdown.push;

import dev.showdown.kit.AdmissionGate;
import dev.showdown.push.core.EncodedPush;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the fan-out hot before the service listens, so that the first tick is not written by interpreted and C1
 * code. Each event loop gets loopback connections of its own, accepted by a {@link TcpServer} like any other,
 * half of them WebSocket-shaped so that the write call sites see both kinds of subscriber, and delivers a few
 * hundred ticks to them, spaced so that the readers drain between rounds. Everything is counted apart from the
 * service's meters and closed before the real ports open. What it gains is measured in the README.
 */
final class FanOutWarmUp {
  static final int CONNECTIONS_PER_LOOP = 32;
  static final int ROUNDS = 300;
  private static final long ROUND_GAP_MICROS = 200;
  private static final long ACCEPT_WAIT_MILLIS = 5_000;

  private final Vertx vertx;
  private final VertxInternals internals;
  private final PushStats scratch = new PushStats();
  private final Shards shards;
  private final SubscriberIntake intake;
  private final List<Channel> clients = new ArrayList<>();

  private FanOutWarmUp(Vertx vertx, PushSettings settings) {
    this.vertx = vertx;
    this.internals = VertxInternals.of(vertx);
    AdmissionGate unlimited = new AdmissionGate(Integer.MAX_VALUE);
    this.shards = new Shards(internals.eventLoops(), loop -> new Shard(loop, scratch, unlimited, Long.MAX_VALUE));
    this.intake = new SubscriberIntake(shards, settings, scratch, unlimited);
  }

  /** Completes with the warm-up's own counts once its connections are closed; never with the service's. */
  static Future<PushStats> run(Vertx vertx, PushSettings settings) {
    return new FanOutWarmUp(vertx, settings).run();
  }

  private Future<PushStats> run() {
    int total = shards.count() * CONNECTIONS_PER_LOOP;
    Promise<Void> allAccepted = Promise.promise();
    AtomicInteger accepted = new AtomicInteger();
    Function<Channel, Subscriber> subscriberOf = channel -> {
      int count = accepted.incrementAndGet();
      if (count == total) {
        // A task of its own, so it runs once the server has put this last one into its shard.
        channel.eventLoop().execute(allAccepted::tryComplete);
      }
      return count % 2 == 0 ? new TcpSubscriber(channel) : new WebSocketSubscriber(channel);
    };
    long guard = vertx.setTimer(ACCEPT_WAIT_MILLIS,
        timer -> allAccepted.tryFail("only " + accepted.get() + " of " + total + " warm-up connections were accepted"));
    return TcpServer.start(internals, new TcpServer.Settings("127.0.0.1", 0, intake, subscriberOf))
        .compose(server -> connectAll(server.port(), total)
            .compose(v -> allAccepted.future())
            .compose(v -> deliverRounds())
            .eventually(() -> {
              vertx.cancelTimer(guard);
              return close(server);
            }))
        .map(scratch);
  }

  private Future<Void> connectAll(int port, int total) {
    Bootstrap bootstrap = new Bootstrap().group(internals.eventLoops())
        .channelFactory(internals.clientChannels()).handler(Discard.INSTANCE);
    Promise<Void> connected = Promise.promise();
    AtomicInteger pending = new AtomicInteger(total);
    for (int i = 0; i < total; i++) {
      ChannelFuture connecting = bootstrap.connect("127.0.0.1", port);
      clients.add(connecting.channel());
      connecting.addListener(done -> {
        if (!done.isSuccess()) {
          connected.tryFail(done.cause());
        } else if (pending.decrementAndGet() == 0) {
          connected.tryComplete();
        }
      });
    }
    return connected.future();
  }

  private Future<Void> deliverRounds() {
    EncodedPush push = EncodedPush.encode(0, Broadcaster.epochMicros());
    List<Future<Void>> loops = new ArrayList<>();
    for (EventExecutor executor : internals.eventLoops()) {
      EventLoop loop = (EventLoop) executor;
      Promise<Void> done = Promise.promise();
      Shard shard = shards.of(loop);
      loop.execute(() -> round(loop, shard, push, done, 0));
      loops.add(done.future());
    }
    return Future.all(loops).mapEmpty();
  }

  private Future<Void> close(TcpServer server) {
    for (Channel client : clients) {
      client.close();
    }
    shards.eachOnItsLoop(Shard::closeAll);
    return server.close();
  }

  /** One round on one loop; the next is a task of its own a moment later, so the loop reads in between. */
  private static void round(EventLoop loop, Shard shard, EncodedPush push, Promise<Void> done, int round) {
    shard.deliver(push);
    if (round + 1 < ROUNDS) {
      loop.schedule(() -> round(loop, shard, push, done, round + 1), ROUND_GAP_MICROS, TimeUnit.MICROSECONDS);
    } else {
      done.complete();
    }
  }

  @ChannelHandler.Sharable
  private static final class Discard extends ChannelInboundHandlerAdapter {
    static final Discard INSTANCE = new Discard();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
