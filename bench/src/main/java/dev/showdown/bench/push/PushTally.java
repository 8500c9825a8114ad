package dev.showdown.bench.push;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * What all connections of one client share: the newest seq seen, the window of seqs that count (ticks that
 * started after every connection was up, up to the end of the hold), and the delivery latency of those.
 */
final class PushTally {
  private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(10);

  private final LongAccumulator newestSeq = new LongAccumulator(Math::max, 0);
  private final Histogram latencyMicros = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
  private volatile long firstCounted = Long.MAX_VALUE;
  private volatile long lastCounted = Long.MAX_VALUE;

  /** Seqs after the newest one seen now count: called once every connection is up. */
  void openWindow() {
    firstCounted = newestSeq.get() + 1;
  }

  /** Seqs after the newest one seen now no longer count; returns the last that does. */
  long closeWindow() {
    lastCounted = newestSeq.get();
    return lastCounted;
  }

  /** Records one delivery and says whether it falls in the counted window. */
  boolean received(long seq, long latency) {
    newestSeq.accumulate(seq);
    if (seq < firstCounted || seq > lastCounted) {
      return false;
    }
    latencyMicros.recordValue(Math.min(Math.max(latency, 0), MAX_LATENCY_MICROS));
    return true;
  }

  long firstCounted() {
    return firstCounted;
  }

  long lastCounted() {
    return lastCounted;
  }

  Histogram latencyMicros() {
    return latencyMicros;
  }
}
