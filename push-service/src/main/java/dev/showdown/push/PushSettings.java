package dev.showdown.push;

import dev.showdown.kit.InvalidFlagException;
import dev.showdown.push.core.PushMessage;

import java.time.Duration;

/**
 * What the push service is told on its command line, beside the kit's common flags.
 *
 * @param tcpPort          plain TCP port (0 picks a free one; its range is checked as {@code --port}'s)
 * @param interval         time between two periodic pushes
 * @param adminToken       bearer token for {@code POST /broadcast}; null turns the endpoint off
 * @param redisUrl         pub/sub relay joining several nodes, checked by {@link dev.showdown.kit.RedisUrls}; null for
 *                         a single node
 * @param maxConnections   open connections (both protocols together) beyond which new ones are refused
 * @param slowTimeout      how long a connection's write queue may stay full before it is closed
 * @param heartbeat        WebSocket ping and TCP keep-alive period that frees vanished clients
 * @param writeQueueBytes  bytes one connection may have waiting in the service's queue, and again in the kernel's
 *                         send buffer; a push finding the queue full is dropped
 * @param warmUp           run the fan-out over loopback connections of its own before listening ({@link FanOutWarmUp})
 */
public record PushSettings(int tcpPort, Duration interval, String adminToken, String redisUrl, int maxConnections,
                           Duration slowTimeout, Duration heartbeat, int writeQueueBytes, boolean warmUp) {
  public static final int DEFAULT_TCP_PORT = 8085;

  /** Limits a value cannot pass to the converters: each is refused with {@link InvalidFlagException}. */
  public PushSettings {
    InvalidFlagException.require(interval.toMillis() >= 1, "--interval must be at least 1ms");
    InvalidFlagException.require(maxConnections >= 1, "--max-connections must be at least 1");
    InvalidFlagException.require(heartbeat.toSeconds() >= 1, "--heartbeat must be at least 1s");
    InvalidFlagException.require(writeQueueBytes >= 2 * PushMessage.SIZE,
        "--write-queue must hold at least two messages (" + 2 * PushMessage.SIZE + " bytes)");
  }

  /** Settings for tests: free TCP port, the given interval and token, no Redis, generous limits, no warm-up. */
  public static PushSettings forTest(Duration interval, String adminToken) {
    return new PushSettings(0, interval, adminToken, null, 1_000, Duration.ofSeconds(2), Duration.ofSeconds(30), 4096, false);
  }

  public PushSettings withRedis(String url) {
    return new PushSettings(tcpPort, interval, adminToken, url, maxConnections, slowTimeout, heartbeat, writeQueueBytes, warmUp);
  }

  public PushSettings withMaxConnections(int max) {
    return new PushSettings(tcpPort, interval, adminToken, redisUrl, max, slowTimeout, heartbeat, writeQueueBytes, warmUp);
  }

  public PushSettings withHeartbeat(Duration period) {
    return new PushSettings(tcpPort, interval, adminToken, redisUrl, maxConnections, slowTimeout, period, writeQueueBytes, warmUp);
  }

  public PushSettings withWarmUp(boolean enabled) {
    return new PushSettings(tcpPort, interval, adminToken, redisUrl, maxConnections, slowTimeout, heartbeat, writeQueueBytes, enabled);
  }

  public PushSettings withSlowTimeout(Duration timeout) {
    return new PushSettings(tcpPort, interval, adminToken, redisUrl, maxConnections, timeout, heartbeat, writeQueueBytes, warmUp);
  }
}
