package dev.showdown.bench.redis;

import dev.showdown.bench.env.RedisVersion;
import dev.showdown.bench.scenario.ScenarioContext;

/** The Redis a scenario reads: the run's {@code --redis}, or an embedded redis-server for this scenario; seeded; the version it runs is noted in every measurement. */
public final class RunRedis {
  /** Ids 1..STANDARD_COUNT are seeded and requested. */
  public static final int STANDARD_COUNT = 10_000;
  /** The note of every measurement of a scenario on Redis: the version of the Redis actually run. */
  public static final String REDIS_VERSION_NOTE = "redis_version";

  private RunRedis() {
  }

  /** The URL of a Redis holding the standard keys; an embedded one is stopped when the scenario ends. */
  public static String prepare(ScenarioContext context) {
    String url = context.redisUrl().orElse(null);
    if (url == null) {
      context.phase("starting an embedded redis-server (no --redis given)");
      url = context.closeLater(EmbeddedRedis.start()).url();
    }
    String version = RedisVersion.orUnknown(url);
    context.phase("redis-server " + version);
    context.noteForAll(REDIS_VERSION_NOTE, version);
    context.phase("seeding cache:1.." + STANDARD_COUNT + " and user:1.." + STANDARD_COUNT + " in " + url);
    RedisSeeder.seed(url, STANDARD_COUNT);
    return url;
  }

}
