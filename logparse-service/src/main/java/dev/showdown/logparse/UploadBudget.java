package dev.showdown.logparse;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bytes that all uploads together may hold ({@code --upload-memory}): each upload takes its share before
 * it allocates or queues anything and gives it all back at its end, so that however many uploads stall,
 * what they hold stays within the limit instead of filling the heap. Thread-safe.
 */
final class UploadBudget {
  private final long limit;
  private final AtomicLong held = new AtomicLong();
  private final LongAdder refused = new LongAdder();

  UploadBudget(long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the upload memory limit must be at least 1 byte");
    }
    this.limit = limit;
  }

  /** What all uploads hold now. */
  long held() {
    return held.get();
  }

  /** Uploads refused so far because the budget had no room for them. */
  long refused() {
    return refused.sum();
  }

  /** A share for one upload, holding nothing yet. */
  Share share() {
    return new Share();
  }

  private boolean tryTake(long bytes, long spare) {
    long now;
    do {
      now = held.get();
      if (now + bytes + spare > limit) {
        return false;
      }
    } while (!held.compareAndSet(now, now + bytes));
    return true;
  }

  /** What one upload holds; taken by its event loop and its worker, given back whole by {@link #close}. */
  final class Share {
    private long taken;
    private boolean closed;

    /**
     * Takes {@code bytes} if, with them, {@code spare} more bytes would still fit; false (taking nothing)
     * otherwise, or once the share is closed.
     */
    synchronized boolean tryTake(long bytes, long spare) {
      if (closed || !UploadBudget.this.tryTake(bytes, spare)) {
        return false;
      }
      taken += bytes;
      return true;
    }

    synchronized boolean tryTake(long bytes) {
      return tryTake(bytes, 0);
    }

    /** Gives back {@code bytes} no longer held; nothing once the share is closed, which gave them back. */
    synchronized void give(long bytes) {
      if (!closed) {
        taken -= bytes;
        held.addAndGet(-bytes);
      }
    }

    /** Counts this upload as refused for want of room (once it is answered 503 for it). */
    void refusedForMemory() {
      refused.increment();
    }

    /** Gives back all the share holds; it takes nothing more. */
    synchronized void close() {
      if (!closed) {
        closed = true;
        held.addAndGet(-taken);
        taken = 0;
      }
    }
  }
}
