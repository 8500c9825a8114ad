package dev.showdown.bench.data;

import dev.showdown.bench.load.HttpLoad;
import dev.showdown.bench.peer.PeerCommand;
import dev.showdown.bench.process.ChildProcess;
import dev.showdown.bench.redis.RunRedis;
import dev.showdown.bench.result.Figure;
import dev.showdown.bench.scenario.Published;
import dev.showdown.bench.scenario.Scenario;
import dev.showdown.bench.scenario.ScenarioContext;
import dev.showdown.bench.verify.HttpContracts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The fan-out: {@code GET /data/{id}} asks the stub upstream (20 ms) and Redis at once, over 64 connections. */
public final class DataScenario implements Scenario {
  static final long UPSTREAM_DELAY_MS = 20;
  static final HttpLoad LOAD = HttpLoad.closedLoop("/data/{id}", 64, Duration.ofSeconds(10))
      .withRandomIds(RunRedis.STANDARD_COUNT);

  @Override
  public String name() {
    return "data";
  }

  @Override
  public String title() {
    return "GET /data/{id} -> {\"api\":<upstream item>,\"cache\":<Redis cache:{id}>}, legs concurrent";
  }

  @Override
  public String standardLoad() {
    return "GET /data/{id}, random ids 1..10000, upstream delay " + UPSTREAM_DELAY_MS
        + " ms, 64 connections, 10 s (5 s warm-up)";
  }

  @Override
  public List<String> modules() {
    return List.of("data-service");
  }

  @Override
  public List<Published> published() {
    return List.of(
        Published.of("article A", "4C8G", 4, "Python",
            Figure.of(Figure.QPS, 3_000, Figure.REQ_PER_S), Figure.of(Figure.P50, 25, Figure.MS),
            Figure.of(Figure.P99, 80, Figure.MS)),
        Published.of("article A", "4C8G", 4, "Go",
            Figure.of(Figure.QPS, 5_000, Figure.REQ_PER_S), Figure.of(Figure.P50, 20, Figure.MS),
            Figure.of(Figure.P99, 50, Figure.MS)));
  }

  @Override
  public void run(ScenarioContext context) throws Exception {
    String redis = RunRedis.prepare(context);
    ChildProcess upstream = context.startHelper("upstream", "--port", Integer.toString(context.upstreamPort()),
        "--delay-ms", Long.toString(UPSTREAM_DELAY_MS));
    context.phase("--target peers should read redis " + redis + " and upstream " + upstream.url());
    context.compareHttp(context.startJavaServices("data-service", "--redis", redis, "--upstream", upstream.url()), LOAD, HttpContracts.data(),
        Map.of(PeerCommand.REDIS, redis, PeerCommand.UPSTREAM, upstream.url()));
  }
}
