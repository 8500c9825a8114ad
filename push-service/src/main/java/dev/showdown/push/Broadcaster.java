package dev.showdown.push;

import dev.showdown.push.core.EncodedPush;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Numbers and encodes each push once, then hands it to every shard, which writes it on its own loop. */
final class Broadcaster {
  private final AtomicLong seq = new AtomicLong();
  private final Shards shards;
  private final PushStats stats;

  Broadcaster(Shards shards, PushStats stats) {
    this.shards = shards;
    this.stats = stats;
  }

  /** The next message, time-stamped now: latency is measured from here, so the fan-out counts in it. */
  EncodedPush next() {
    return EncodedPush.encode(seq.incrementAndGet(), epochMicros());
  }

  void fanOut(EncodedPush push) {
    stats.countTick();
    shards.eachOnItsLoop(shard -> shard.deliver(push));
  }

  static long epochMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
