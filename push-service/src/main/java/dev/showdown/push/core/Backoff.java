package dev.showdown.push.core;

import java.util.random.RandomGenerator;

/**
 * Delays between reconnection attempts: a step doubling from {@code firstMillis} up to {@code capMillis}, each
 * delay drawn at random from the upper half of its step, so that nodes which lost Redis together do not come
 * back in step, and none retries at once.
 */
public final class Backoff {
  private final long firstMillis;
  private final long capMillis;
  private final RandomGenerator random;
  private long step;

  public Backoff(long firstMillis, long capMillis, RandomGenerator random) {
    if (firstMillis < 1 || capMillis < firstMillis) {
      throw new IllegalArgumentException("need 1 <= first <= cap, got " + firstMillis + " and " + capMillis);
    }
    this.firstMillis = firstMillis;
    this.capMillis = capMillis;
    this.random = random;
    this.step = firstMillis;
  }

  /** The delay before the next attempt; the one after it will be drawn from a step twice as long. */
  public long nextDelayMillis() {
    long delay = step - random.nextLong(step / 2 + 1);
    step = step > capMillis / 2 ? capMillis : step * 2;
    return delay;
  }

  /** After a success: the next failure waits about the first delay again. */
  public void reset() {
    step = firstMillis;
  }
}
