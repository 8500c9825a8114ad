package dev.showdown.bench.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * The clock of one built-in load run, shared by its connections: answers count only when they arrive inside
 * the measured window, and connections stop sending once the run is over.
 */
final class LoadWindow {
  final LongAdder answered = new LongAdder();
  final long startNanos = System.nanoTime();
  private volatile long measureStart = Long.MAX_VALUE;
  private volatile long measureEnd = Long.MAX_VALUE;
  private volatile boolean over;

  void beginMeasuring() {
    measureStart = System.nanoTime();
  }

  void endMeasuring() {
    measureEnd = System.nanoTime();
  }

  void finish() {
    over = true;
  }

  boolean counts(long nanos) {
    return nanos >= measureStart && nanos < measureEnd;
  }

  boolean running() {
    return !over;
  }

  double measuredSeconds() {
    return (measureEnd - measureStart) / 1e9;
  }
}
