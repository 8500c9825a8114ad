package dev.showdown.bench.redis;

import dev.showdown.bench.result.Credentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code bench seed-redis}: writes the standard keys into any Redis, e.g. one a Go or Python peer reads. */
@Command(name = "seed-redis", mixinStandardHelpOptions = true,
    description = "Writes cache:1..N (short strings) and user:1..N ({\"id\":1,\"name\":\"user1\",\"email\":\"user1@example.com\"}).")
public final class SeedRedisCommand implements Callable<Integer> {
  @Option(names = "--redis", defaultValue = "${env:REDIS_URL:-redis://127.0.0.1:6379}",
      description = "Redis URL (env REDIS_URL). Default: ${DEFAULT-VALUE}")
  String redis;

  @Option(names = "--count", defaultValue = "10000", description = "Ids 1..count. Default: ${DEFAULT-VALUE}")
  int count;

  @Override
  public Integer call() {
    if (count < 1) {
      System.err.println("seed-redis: --count must be at least 1");
      return 2;
    }
    long start = System.nanoTime();
    try {
      RedisSeeder.seed(redis, count);
    } catch (RuntimeException e) {
      System.err.println(Credentials.mask("seed-redis: cannot seed " + redis + ": " + e.getMessage()));
      return 1;
    }
    System.out.printf("seed-redis: wrote cache:1..%d and user:1..%d in %d ms%n", count, count,
        (System.nanoTime() - start) / 1_000_000);
    return 0;
  }
}
