package dev.showdown.push;

import dev.showdown.kit.AdmissionGate;
import dev.showdown.push.core.EncodedPush;

import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The connections of one event loop. Everything here runs on that loop, so the array needs no lock, and a
 * push fans out over this loop's connections only, beside the other loops doing the same.
 */
final class Shard {
  private final Executor loop;
  private final PushStats stats;
  private final AdmissionGate admission;
  private final long slowTimeoutNanos;
  private Subscriber[] subscribers = new Subscriber[256];
  private int size;

  Shard(Executor loop, PushStats stats, AdmissionGate admission, long slowTimeoutNanos) {
    this.loop = loop;
    this.stats = stats;
    this.admission = admission;
    this.slowTimeoutNanos = slowTimeoutNanos;
  }

  void runOnLoop(Runnable task) {
    loop.execute(task);
  }

  void add(Subscriber subscriber) {
    if (size == subscribers.length) {
      subscribers = Arrays.copyOf(subscribers, size * 2);
    }
    subscriber.index = size;
    subscribers[size++] = subscriber;
    stats.opened(subscriber.protocol());
  }

  /** Forgets a closed connection and frees its place under {@code --max-connections}; safe to call twice. */
  void remove(Subscriber subscriber) {
    int index = subscriber.index;
    if (index < 0) {
      return;
    }
    Subscriber last = subscribers[--size];
    subscribers[index] = last;
    last.index = index;
    subscribers[size] = null;
    subscriber.index = -1;
    stats.closed(subscriber.protocol());
    admission.release();
  }

  /**
   * Writes the push to every connection whose write queue has room. A full queue skips the message (a drop),
   * and one full for longer than the slow timeout is closed, so a stalled reader holds a bounded queue.
   */
  void deliver(EncodedPush push) {
    long now = System.nanoTime();
    int written = 0;
    int dropped = 0;
    // Walk backwards: closing a connection may move the last one into the current slot.
    for (int i = size - 1; i >= 0; i--) {
      Subscriber subscriber = subscribers[i];
      if (subscriber.writeQueueFull()) {
        dropped++;
        if (subscriber.fullSinceNanos == 0) {
          subscriber.fullSinceNanos = now;
        } else if (now - subscriber.fullSinceNanos >= slowTimeoutNanos) {
          stats.countSlowClose();
          closeNow(subscriber);
        }
      } else {
        subscriber.fullSinceNanos = 0;
        if (push(subscriber, push)) {
          written++;
        }
      }
    }
    stats.countPushed(written);
    stats.countDropped(dropped);
    stats.fanOutTook(Broadcaster.epochMicros() - push.tsMicros());
  }

  /** One connection's failed write must not cost the others their push: it is counted and closed instead. */
  private boolean push(Subscriber subscriber, EncodedPush push) {
    try {
      subscriber.push(push);
      return true;
    } catch (RuntimeException e) {
      stats.countSocketError();
      closeNow(subscriber);
      return false;
    }
  }

  /** Pings every WebSocket and closes those that did not answer the previous ping. */
  void heartbeat() {
    for (int i = size - 1; i >= 0; i--) {
      Subscriber subscriber = subscribers[i];
      if (!subscriber.heartbeat()) {
        stats.countVanished();
        closeNow(subscriber);
      }
    }
  }

  /** Closes every connection, for shutdown. */
  void closeAll() {
    for (int i = size - 1; i >= 0; i--) {
      closeNow(subscribers[i]);
    }
  }

  int size() {
    return size;
  }

  /** Runs {@code action} on each connection; on this shard's loop, like everything here. */
  void forEach(Consumer<Subscriber> action) {
    for (int i = 0; i < size; i++) {
      action.accept(subscribers[i]);
    }
  }

  private void closeNow(Subscriber subscriber) {
    remove(subscriber);
    subscriber.close();
  }
}
