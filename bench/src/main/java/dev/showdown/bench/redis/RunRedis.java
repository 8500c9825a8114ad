package dev.showdown.bench.redis;

import dev.showdown.bench.env.RedisVersion;
import dev.showdown.bench.scenario.ScenarioContext;

/** The Redis a scenario reads: the run's {@code --redis}, or an embedded redis-server for this scenario; seeded. */
public final class RunRedis {
  /** Ids 1..STANDARD_COUNT are seeded and requested. */
  public static final int STANDARD_COUNT = 10_000;

  private RunRedis() {
  }

  /** The URL of a Redis holding the standard keys; an embedded one is stopped when the scenario ends. */
  public static String prepare(ScenarioContext context) {
    String url = context.redisUrl().orElse(null);
    if (url == null) {
      context.phase("starting an embedded redis-server (no --redis given)");
      url = context.closeLater(EmbeddedRedis.start()).url();
      context.phase("embedded redis-server " + RedisVersion.orUnknown(url));
    }
    context.phase("seeding cache:1.." + STANDARD_COUNT + " and user:1.." + STANDARD_COUNT + " in " + url);
    RedisSeeder.seed(url, STANDARD_COUNT);
    return url;
  }

}
