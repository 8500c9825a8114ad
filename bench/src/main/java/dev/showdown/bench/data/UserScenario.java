package dev.showdown.bench.data;

import dev.showdown.bench.load.HttpLoad;
import dev.showdown.bench.peer.PeerCommand;
import dev.showdown.bench.redis.RunRedis;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.scenario.Published;
import dev.showdown.bench.scenario.Scenario;
import dev.showdown.bench.scenario.ScenarioContext;
import dev.showdown.bench.verify.HttpContracts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The Redis lookup: {@code GET /user/{id}} answers the JSON stored at {@code user:{id}}, over 64 connections. */
public final class UserScenario implements Scenario {
  static final HttpLoad LOAD = HttpLoad.closedLoop("/user/{id}", 64, Duration.ofSeconds(10))
      .withRandomIds(RunRedis.STANDARD_COUNT);

  @Override
  public String name() {
    return "user";
  }

  @Override
  public String title() {
    return "GET /user/{id} -> the JSON stored at Redis user:{id}";
  }

  @Override
  public String standardLoad() {
    return "GET /user/{id}, random ids 1..10000, 64 connections, 10 s (5 s warm-up)";
  }

  @Override
  public List<String> modules() {
    return List.of("data-service");
  }

  @Override
  public List<Published> published() {
    String setup = "2C4G, wrk, 100 connections, 60 s";
    return List.of(
        Published.of("article B", setup, 2, "Python CPython",
            Figure.of(Figure.QPS, 2_800, Figure.REQ_PER_S), Figure.of(Figure.P99, 85, Figure.MS),
            Figure.of(Figure.RSS_PEAK, 180, Figure.MB)),
        Published.of("article B", setup, 2, "PyPy",
            Figure.of(Figure.QPS, 4_200, Figure.REQ_PER_S), Figure.of(Figure.P99, 52, Figure.MS),
            Figure.of(Figure.RSS_PEAK, 210, Figure.MB)),
        Published.of("article B", setup, 2, "Go",
            Figure.of(Figure.QPS, 12_500, Figure.REQ_PER_S), Figure.of(Figure.P99, 12, Figure.MS),
            Figure.of(Figure.RSS_PEAK, 45, Figure.MB)));
  }

  /** The article's memory comparison is on this scenario: a heap sweep shows the RSS a given throughput needs. */
  @Override
  public boolean sweepsHeap() {
    return true;
  }

  @Override
  public void run(ScenarioContext context) throws Exception {
    String redis = RunRedis.prepare(context);
    context.phase("--target peers should read redis " + redis);
    // /user never calls the upstream; the default address is left as it is.
    context.compareHttp(context.startJavaServices("data-service", "--redis", redis), LOAD, HttpContracts.user(), Map.of(PeerCommand.REDIS, redis));
  }
}
