package dev.showdown.bench.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * The clock of one load run (HTTP or gRPC), shared by its connections: answers count only when they arrive
 * inside the measured window, and connections stop sending once the run is over.
 */
public final class LoadWindow {
  public final LongAdder answered = new LongAdder();
  public final long startNanos = System.nanoTime();
  private volatile long measureStart = Long.MAX_VALUE;
  private volatile long measureEnd = Long.MAX_VALUE;
  private volatile boolean over;

  public void beginMeasuring() {
    measureStart = System.nanoTime();
  }

  public void endMeasuring() {
    measureEnd = System.nanoTime();
  }

  public void finish() {
    over = true;
  }

  public boolean counts(long nanos) {
    return nanos >= measureStart && nanos < measureEnd;
  }

  public boolean running() {
    return !over;
  }

  public double measuredSeconds() {
    return (measureEnd - measureStart) / 1e9;
  }
}
