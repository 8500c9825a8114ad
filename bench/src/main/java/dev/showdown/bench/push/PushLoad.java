package dev.showdown.bench.push;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the push client loads a service.
 *
 * @param connections        connections to open and hold
 * @param hold               how long they are held once all are up (the measured window)
 * @param interval           the service's push interval, for the expected message count and the end grace
 * @param firstSource        the first loopback source address, 127.0.0.{firstSource}; client processes running
 *                           side by side take disjoint ranges, since a bound source port is unique per address
 * @param sourceAddresses    loopback source addresses to spread connections over (each has its own ephemeral
 *                           port range of ~28,000, so 100,000 connections fit)
 * @param connectConcurrency connection attempts in flight at once (more overflows the accept backlog)
 * @param threads            client event loops
 */
public record PushLoad(int connections, Duration hold, Duration interval, int firstSource, int sourceAddresses,
                       int connectConcurrency,
                       int threads) {
  public static final int STANDARD_CONNECTIONS = 10_000;
  public static final Duration STANDARD_HOLD = Duration.ofSeconds(65);
  public static final Duration STANDARD_INTERVAL = Duration.ofSeconds(10);

  public PushLoad {
    if (connections < 1 || firstSource < 1 || sourceAddresses < 1 || firstSource + sourceAddresses > 255
        || connectConcurrency < 1 || threads < 1) {
      throw new IllegalArgumentException("connections, connect concurrency and threads must be positive, and the "
          + "source addresses must lie within 127.0.0.1..254");
    }
  }

  /** Enough source addresses that no address needs more than 10,000 of its ~28,000 ephemeral ports. */
  public static int sourcesFor(int connections) {
    return Math.min(254, connections / 10_000 + 1);
  }

  public Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("connections", connections);
    map.put("hold_s", hold.toSeconds());
    map.put("interval_ms", interval.toMillis());
    map.put("source_addresses", "127.0.0." + firstSource + ".." + (firstSource + sourceAddresses - 1));
    map.put("client_threads", threads);
    return map;
  }
}
