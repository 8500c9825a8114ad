package dev.showdown.bench.grpc;

import java.util.concurrent.atomic.LongAdder;

/** The clock of one gRPC load run: answers count only inside the measured window; slots stop once it is over. */
final class CallWindow {
  final LongAdder answered = new LongAdder();
  final long startNanos = System.nanoTime();
  private volatile long measureStart = Long.MAX_VALUE;
  private volatile long measureEnd = Long.MAX_VALUE;
  private volatile boolean running = true;

  void beginMeasuring() {
    measureStart = System.nanoTime();
  }

  void endMeasuring() {
    measureEnd = System.nanoTime();
  }

  void stop() {
    running = false;
  }

  boolean running() {
    return running;
  }

  boolean counts(long nanos) {
    return nanos >= measureStart && nanos < measureEnd;
  }

  double measuredSeconds() {
    return (measureEnd - measureStart) / 1e9;
  }
}
