package dev.showdown.data;

import dev.showdown.kit.InvalidFlagException;

import java.time.Duration;

/**
 * How data-service reaches its dependencies; a value out of range is refused naming its flag
 * ({@link InvalidFlagException}). The URLs are checked by their flags' converters.
 *
 * @param upstreamPoolSize keep-alive upstream connections per event loop
 * @param redisPoolSize    0 for one pipelined Redis connection per event loop, else a pool of that many per loop
 */
public record DataSettings(UpstreamAddress upstream, String redisUrl, int upstreamPoolSize, int redisPoolSize,
                           Duration upstreamTimeout, Duration redisTimeout) {

  public DataSettings {
    // An empty REDIS_URL reaches here as none: data-service cannot run without Redis.
    InvalidFlagException.require(redisUrl != null, "--redis must name a Redis server");
    InvalidFlagException.require(upstreamPoolSize >= 1,
        "--upstream-pool-size must be at least 1, was " + upstreamPoolSize);
    InvalidFlagException.require(redisPoolSize >= 0, "--redis-pool-size must be at least 0, was " + redisPoolSize);
    atLeastOneMilli("--upstream-timeout", upstreamTimeout);
    atLeastOneMilli("--redis-timeout", redisTimeout);
  }

  private static void atLeastOneMilli(String flag, Duration timeout) {
    InvalidFlagException.require(timeout.toMillis() >= 1,
        flag + " must be at least 1ms, was " + timeout.toMillis() + "ms");
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
