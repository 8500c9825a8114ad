package dev.showdown.bench.push;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * What all connections of one client share: the newest seq seen, the window of seqs that count (ticks that
 * started after every connection was up, up to the end of the hold), and the delivery latency of those.
 * A tick's start is its {@code ts}: the seq a client saw last says nothing of the ticks the service sent
 * while no connection of this client was up yet.
 */
final class PushTally {
  private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(10);

  private final LongAccumulator newestSeq = new LongAccumulator(Math::max, 0);
  private final Histogram latencyMicros = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
  private final Map<Long, LongAccumulator> slowestBySeq = new ConcurrentHashMap<>();
  private final LongAccumulator firstCounted = new LongAccumulator(Math::min, Long.MAX_VALUE);
  private volatile long openedMicros = Long.MAX_VALUE;
  private volatile long lastCounted = Long.MAX_VALUE;
  private final CompletableFuture<Long> firstCountedTs = new CompletableFuture<>();

  /** Ticks that start from now on count: called once every connection is up. */
  void openWindow(long nowMicros) {
    openedMicros = nowMicros;
  }

  /** Seqs after the newest one seen now no longer count; returns the last that does. */
  long closeWindow() {
    lastCounted = newestSeq.get();
    return lastCounted;
  }

  /** Records one delivery of the tick {@code seq} started at {@code ts}, and says whether it counts. */
  boolean received(long seq, long ts, long nowMicros) {
    newestSeq.accumulate(seq);
    if (ts < openedMicros || seq > lastCounted) {
      return false;
    }
    firstCounted.accumulate(seq);
    firstCountedTs.complete(ts);
    long latency = Math.min(Math.max(nowMicros - ts, 0), MAX_LATENCY_MICROS);
    latencyMicros.recordValue(latency);
    slowestBySeq.computeIfAbsent(seq, s -> new LongAccumulator(Math::max, 0)).accumulate(latency);
    return true;
  }

  /** The ticks in the window, from the first counted to the last (a tick nobody received counts too). */
  long ticksCounted() {
    long first = firstCounted.get();
    return first == Long.MAX_VALUE ? 0 : Math.max(0, lastCounted - first + 1);
  }

  /** Completes with the {@code ts} (epoch microseconds) of the first counted tick, at its first delivery. */
  CompletableFuture<Long> firstCountedTick() {
    return firstCountedTs;
  }

  long lastCounted() {
    return lastCounted;
  }

  Histogram latencyMicros() {
    return latencyMicros;
  }

  /** The slowest delivery of each counted tick, in seq order: shows whether one tick (the first, cold) sets the tail. */
  long[] slowestPerTickMicros() {
    return new TreeMap<>(slowestBySeq).values().stream().mapToLong(LongAccumulator::get).toArray();
  }
}
