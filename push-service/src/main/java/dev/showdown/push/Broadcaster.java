package dev.showdown.push;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Numbers and encodes each push once, then hands it to every shard, which writes it on its own loop. */
final class Broadcaster {
  private final List<Shard> shards = new CopyOnWriteArrayList<>();
  private final AtomicLong seq = new AtomicLong();
  private final PushStats stats;

  Broadcaster(PushStats stats) {
    this.stats = stats;
  }

  void register(Shard shard) {
    shards.add(shard);
  }

  /** The next message, time-stamped now: latency is measured from here, so the fan-out counts in it. */
  Tick next() {
    return Tick.encode(seq.incrementAndGet(), epochMicros());
  }

  void fanOut(Tick tick) {
    stats.countTick();
    for (Shard shard : shards) {
      shard.deliverLater(tick);
    }
  }

  void closeAll() {
    for (Shard shard : shards) {
      shard.context().runOnContext(v -> shard.closeAll());
    }
  }

  static long epochMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
