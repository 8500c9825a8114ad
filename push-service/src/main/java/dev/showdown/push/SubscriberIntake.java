package dev.showdown.push;

import dev.showdown.kit.AdmissionGate;

/**
 * How a channel becomes a subscriber, whichever port it came in on (accepted by {@link TcpServer}, or a WebSocket
 * taken over from Vert.x after its upgrade): a place under {@code --max-connections} first, then its socket
 * tuned, {@link SubscriberHandler} as its last handler and its subscriber in the shard of its event loop.
 */
final class SubscriberIntake {
  private final Shards shards;
  private final PushSettings settings;
  private final PushStats stats;
  private final AdmissionGate admission;

  SubscriberIntake(Shards shards, PushSettings settings, PushStats stats, AdmissionGate admission) {
    this.shards = shards;
    this.settings = settings;
    this.stats = stats;
    this.admission = admission;
  }

  /** Takes a place for a new connection, or counts it refused; the caller says no in its protocol's words. */
  boolean admit() {
    if (admission.tryAdmit()) {
      return true;
    }
    stats.countRefused();
    return false;
  }

  /** An admitted connection that failed before it could join: its place is given back and the error counted. */
  void abandon() {
    admission.release();
    stats.countSocketError();
  }

  /**
   * Runs on the subscriber channel's event loop, which owns its shard. From here the shard gives the place back
   * when the channel closes.
   */
  void join(Subscriber subscriber) {
    SocketTuning.apply(subscriber.channel, settings.heartbeat(), settings.writeQueueBytes());
    Shard shard = shards.of(subscriber.channel.eventLoop());
    subscriber.channel.pipeline().addLast("subscriber", new SubscriberHandler(shard, subscriber, stats));
    shard.add(subscriber);
  }
}
