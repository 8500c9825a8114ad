package dev.showdown.push;

/**
 * One open connection as its shard sees it: where a push goes, and since when its write queue has been full.
 * Touched only on its shard's event loop.
 */
abstract class Subscriber {
  /** Position in the shard's array, for removal in constant time; -1 once removed. */
  int index = -1;
  /** {@link System#nanoTime()} when a push first found the write queue full; 0 while it drains. */
  long fullSinceNanos;

  abstract Protocol protocol();

  abstract boolean writeQueueFull();

  abstract void push(Tick tick);

  /** Called every heartbeat period; returns false when the peer has not answered the previous one. */
  abstract boolean heartbeat();

  abstract void close();
}
