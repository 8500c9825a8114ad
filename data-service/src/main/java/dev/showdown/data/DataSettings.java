package dev.showdown.data;

import java.time.Duration;

/**
 * How data-service reaches its dependencies; a value out of range is refused naming its flag.
 *
 * @param upstreamPoolSize keep-alive upstream connections per event loop
 * @param redisPoolSize    0 for one pipelined Redis connection per event loop, else a pool of that many per loop
 */
public record DataSettings(UpstreamAddress upstream, String redisUrl, int upstreamPoolSize, int redisPoolSize,
                           Duration upstreamTimeout, Duration redisTimeout) {

  public DataSettings {
    RedisUrls.check(redisUrl);
    if (upstreamPoolSize < 1) {
      throw new IllegalArgumentException("--upstream-pool-size must be at least 1, was " + upstreamPoolSize);
    }
    if (redisPoolSize < 0) {
      throw new IllegalArgumentException("--redis-pool-size must be at least 0, was " + redisPoolSize);
    }
    atLeastOneMilli("--upstream-timeout", upstreamTimeout);
    atLeastOneMilli("--redis-timeout", redisTimeout);
  }

  private static void atLeastOneMilli(String flag, Duration timeout) {
    if (timeout.toMillis() < 1) {
      throw new IllegalArgumentException(flag + " must be at least 1ms, was " + timeout.toMillis() + "ms");
    }
  }

  /** Settings for an upstream URL and a Redis URL with the command-line defaults for the rest. */
  public static DataSettings of(String upstreamUrl, String redisUrl) {
    return new DataSettings(UpstreamAddress.parse(upstreamUrl), redisUrl, 64, 0, Duration.ofSeconds(1),
        Duration.ofSeconds(1));
  }

  public DataSettings withTimeouts(Duration upstream, Duration redis) {
    return new DataSettings(this.upstream, redisUrl, upstreamPoolSize, redisPoolSize, upstream, redis);
  }

  public DataSettings withRedisPoolSize(int size) {
    return new DataSettings(upstream, redisUrl, upstreamPoolSize, size, upstreamTimeout, redisTimeout);
  }
}
