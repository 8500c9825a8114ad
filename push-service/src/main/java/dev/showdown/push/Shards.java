package dev.showdown.push;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One shard per event loop, found by the loop a connection's channel is registered on, so that each shard is
 * touched only by its own loop whatever the protocol or the server that accepted the connection.
 */
final class Shards {
  private final Map<EventExecutor, Shard> byLoop = new IdentityHashMap<>();

  Shards(EventExecutorGroup loops, Function<EventExecutor, Shard> newShard) {
    for (EventExecutor loop : loops) {
      byLoop.put(loop, newShard.apply(loop));
    }
  }

  Shard of(EventLoop loop) {
    Shard shard = byLoop.get(loop);
    if (shard == null) {
      throw new IllegalStateException("no shard for event loop " + loop);
    }
    return shard;
  }

  int count() {
    return byLoop.size();
  }

  /** Runs {@code action} on every shard, each on its own loop. */
  void eachOnItsLoop(Consumer<Shard> action) {
    for (Shard shard : byLoop.values()) {
      shard.runOnLoop(() -> action.accept(shard));
    }
  }
}
