package dev.showdown.push;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** What one node counts: open connections per protocol, pushes written, dropped, slow and vanished closes. */
public final class PushStats {
  private final AtomicInteger webSocketsOpen = new AtomicInteger();
  private final AtomicInteger tcpOpen = new AtomicInteger();
  private final LongAdder pushed = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder slowClosed = new LongAdder();
  private final LongAdder vanished = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder socketErrors = new LongAdder();
  private final AtomicInteger ticks = new AtomicInteger();
  private final LongAccumulator slowestFanOutMicros = new LongAccumulator(Math::max, 0);

  void opened(Protocol protocol) {
    gauge(protocol).incrementAndGet();
  }

  void closed(Protocol protocol) {
    gauge(protocol).decrementAndGet();
  }

  void countPushed(long count) {
    pushed.add(count);
  }

  void countDropped(long count) {
    dropped.add(count);
  }

  void countSlowClose() {
    slowClosed.increment();
  }

  void countVanished() {
    vanished.increment();
  }

  void countRefused() {
    refused.increment();
  }

  void countSocketError() {
    socketErrors.increment();
  }

  /** One shard finished a tick {@code micros} after the tick's ts: the floor a subscriber's latency sits on. */
  void fanOutTook(long micros) {
    slowestFanOutMicros.accumulate(micros);
  }

  /** The longest time from a tick's start to a shard's last write of it, in microseconds. */
  public long slowestFanOutMicros() {
    return slowestFanOutMicros.get();
  }

  void countTick() {
    ticks.incrementAndGet();
  }

  public int open(Protocol protocol) {
    return gauge(protocol).get();
  }

  public int open() {
    return webSocketsOpen.get() + tcpOpen.get();
  }

  public long pushed() {
    return pushed.sum();
  }

  public long dropped() {
    return dropped.sum();
  }

  public long slowClosed() {
    return slowClosed.sum();
  }

  public long vanished() {
    return vanished.sum();
  }

  public long refused() {
    return refused.sum();
  }

  public long socketErrors() {
    return socketErrors.sum();
  }

  public int ticks() {
    return ticks.get();
  }

  /** Publishes the counters as {@code push_*} meters beside the kit's HTTP and JVM meters. */
  void bindTo(MeterRegistry registry) {
    for (Protocol protocol : Protocol.values()) {
      Gauge.builder("push.connections.open", gauge(protocol), AtomicInteger::get)
          .description("Open push connections").tag("protocol", protocol.label).register(registry);
    }
    Gauge.builder("push.fanout.slowest", slowestFanOutMicros, micros -> micros.get() / 1e6).baseUnit("seconds")
        .description("Longest time from a tick's start to the last write of it on one event loop").register(registry);
    counter(registry, "push.messages.pushed", "Messages written to a connection", pushed);
    counter(registry, "push.messages.dropped", "Messages skipped because the connection's write queue was full", dropped);
    counter(registry, "push.connections.slow.closed", "Connections closed after their write queue stayed full past --slow-timeout", slowClosed);
    counter(registry, "push.connections.vanished", "WebSocket connections closed after a heartbeat ping went unanswered", vanished);
    counter(registry, "push.connections.refused", "Connections refused by --max-connections", refused);
    counter(registry, "push.connections.errors", "Connection errors such as resets by the peer", socketErrors);
  }

  private static void counter(MeterRegistry registry, String name, String description, LongAdder value) {
    FunctionCounter.builder(name, value, LongAdder::sum).description(description).register(registry);
  }

  private AtomicInteger gauge(Protocol protocol) {
    return protocol == Protocol.TCP ? tcpOpen : webSocketsOpen;
  }
}
