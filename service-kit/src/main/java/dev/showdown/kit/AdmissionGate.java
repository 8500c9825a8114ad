package dev.showdown.kit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the work a service accepts: running plus queued tasks may not exceed the capacity. A request that
 * finds the gate full is refused at once (503) instead of waiting in an ever-growing queue.
 */
public final class AdmissionGate {
  private final int capacity;
  private final AtomicInteger admitted = new AtomicInteger();

  public AdmissionGate(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** Takes a place if one is free; every successful call must be paired with one {@link #release()}. */
  public boolean tryAdmit() {
    while (true) {
      int current = admitted.get();
      if (current >= capacity) {
        return false;
      }
      if (admitted.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  public void release() {
    admitted.decrementAndGet();
  }

  public int admitted() {
    return admitted.get();
  }

  public int capacity() {
    return capacity;
  }
}
