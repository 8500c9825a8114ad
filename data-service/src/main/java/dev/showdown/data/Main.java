package dev.showdown.data;

import dev.showdown.kit.DurationConverter;
import dev.showdown.kit.RedisUrls;
import dev.showdown.kit.ServiceMain;
import dev.showdown.kit.ServiceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "data-service", mixinStandardHelpOptions = true,
    description = "GET /data/{id} -> {\"api\":<upstream item>,\"cache\":<Redis cache:{id}>} and "
        + "GET /user/{id} -> Redis user:{id}.")
public final class Main implements Callable<Integer> {
  @Mixin
  ServiceOptions options;

  @Option(names = "--redis", defaultValue = "${env:REDIS_URL:-redis://127.0.0.1:6379}",
      converter = RedisUrls.Converter.class,
      description = "Redis URL, e.g. redis://:password@host:6379/0 (env REDIS_URL). Default: ${DEFAULT-VALUE}")
  String redis;

  @Option(names = "--upstream", defaultValue = "${env:UPSTREAM_URL:-http://127.0.0.1:8090}",
      converter = UpstreamAddress.Converter.class,
      description = "Base URL of the upstream API; items are fetched from <url>/items/{id} (env UPSTREAM_URL). Default: ${DEFAULT-VALUE}")
  UpstreamAddress upstream;

  @Option(names = "--upstream-pool-size", defaultValue = "${env:UPSTREAM_POOL_SIZE:-64}",
      description = "Keep-alive upstream connections per event loop; keep it >= the concurrent /data requests (env UPSTREAM_POOL_SIZE). Default: ${DEFAULT-VALUE}")
  int upstreamPoolSize;

  @Option(names = "--redis-pool-size", defaultValue = "${env:REDIS_POOL_SIZE:-0}",
      description = "0: one pipelined Redis connection per event loop; N: a pool of N connections per event loop (env REDIS_POOL_SIZE). Default: ${DEFAULT-VALUE}")
  int redisPoolSize;

  @Option(names = "--upstream-timeout", defaultValue = "${env:UPSTREAM_TIMEOUT:-1s}", converter = DurationConverter.class,
      description = "Longest time one upstream call may take as a whole (connection, answer, body) before 502 (env UPSTREAM_TIMEOUT). Default: ${DEFAULT-VALUE}")
  Duration upstreamTimeout;

  @Option(names = "--redis-timeout", defaultValue = "${env:REDIS_TIMEOUT:-1s}", converter = DurationConverter.class,
      description = "Longest wait for a Redis reply before 503 (env REDIS_TIMEOUT). Default: ${DEFAULT-VALUE}")
  Duration redisTimeout;

  @Override
  public Integer call() {
    DataSettings settings = new DataSettings(upstream, redis, upstreamPoolSize, redisPoolSize, upstreamTimeout,
        redisTimeout);
    System.out.println("data-service: upstream=" + upstream + " redis=" + RedisUrls.masked(redis)
        + " upstream-pool-size=" + upstreamPoolSize + " redis-pool-size=" + redisPoolSize);
    return ServiceMain.run(new DataService(settings), options);
  }

  public static void main(String[] args) {
    ServiceMain.launch(new Main(), args);
  }
}
