package dev.showdown.bench.verify;

import dev.showdown.bench.logparse.StandardLog;
import dev.showdown.bench.redis.RedisSeeder;
import dev.showdown.bench.redis.RunRedis;
import dev.showdown.bench.upstream.ItemBody;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * docs/contract.md as requests and answers, per HTTP scenario: the values, and every error of the contract's
 * table the scenario defines. Each list also holds what every service answers: {@code /health}, an unknown
 * route (404) and a known path with the wrong method (405).
 */
public final class HttpContracts {
  private static final String NOT_FOUND = "{\"error\":\"not found\"}";
  /** One past the ids the bench seeds: in no standard Redis. */
  private static final int UNSEEDED = RunRedis.STANDARD_COUNT + 1;

  private HttpContracts() {
  }

  public static List<HttpCase> ping() {
    return with(List.of(HttpCase.get("/ping", 200, BodyRule.exactly("{\"message\":\"pong\"}"))), "/ping");
  }

  public static List<HttpCase> fib() {
    return with(List.of(
        HttpCase.get("/fib/35", 200, BodyRule.json("{\"result\":9227465}")),
        HttpCase.get("/fib/0", 200, BodyRule.json("{\"result\":0}")),
        HttpCase.get("/fib/abc", 400, BodyRule.jsonError()),
        HttpCase.get("/fib/-1", 400, BodyRule.jsonError()),
        HttpCase.get("/fib/41", 400, BodyRule.jsonError())), "/fib/35");
  }

  /** {@code /data/{id}} against the bench's upstream stub and a Redis seeded by {@link RedisSeeder}. */
  public static List<HttpCase> data() {
    return with(List.of(
        HttpCase.get("/data/1", 200, BodyRule.json(data(1, true))),
        HttpCase.get("/data/" + RunRedis.STANDARD_COUNT, 200, BodyRule.json(data(RunRedis.STANDARD_COUNT, true))),
        HttpCase.get("/data/" + UNSEEDED, 200, BodyRule.json(data(UNSEEDED, false))),
        HttpCase.get("/data/abc", 400, BodyRule.jsonError()),
        HttpCase.get("/data/0", 400, BodyRule.jsonError())), "/data/1");
  }

  public static List<HttpCase> user() {
    return with(List.of(
        HttpCase.get("/user/1", 200, BodyRule.json(RedisSeeder.user(1))),
        HttpCase.get("/user/" + RunRedis.STANDARD_COUNT, 200, BodyRule.json(RedisSeeder.user(RunRedis.STANDARD_COUNT))),
        HttpCase.get("/user/" + UNSEEDED, 404, BodyRule.json(NOT_FOUND)),
        HttpCase.get("/user/abc", 400, BodyRule.jsonError())), "/user/1");
  }

  /** {@code POST /uv} of the standard 100,000-line file, and the statuses of a body it cannot read. */
  public static List<HttpCase> logparse(Path standardLog) {
    return with(List.of(
        HttpCase.post("/uv", 200, BodyRule.jsonWith(StandardLog.counts())).withFile(standardLog),
        HttpCase.post("/uv", 415, BodyRule.jsonError()).withHeader("Content-Encoding", "br")
            .withBody("{\"user_id\":1}\n".getBytes(StandardCharsets.US_ASCII)),
        HttpCase.post("/uv", 400, BodyRule.jsonError()).withHeader("Content-Encoding", "gzip")
            .withBody("not gzip at all".getBytes(StandardCharsets.US_ASCII))), "/uv", "GET");
  }

  private static String data(int id, boolean cached) {
    return "{\"api\":" + ItemBody.json(id) + ",\"cache\":" + (cached ? "\"" + RedisSeeder.cacheValue(id) + "\"" : "null") + "}";
  }

  private static List<HttpCase> with(List<HttpCase> own, String knownPath) {
    return with(own, knownPath, "POST");
  }

  private static List<HttpCase> with(List<HttpCase> own, String knownPath, String wrongMethod) {
    List<HttpCase> all = new ArrayList<>(own);
    all.add(HttpCase.get("/health", 200, BodyRule.json("{\"status\":\"UP\"}")));
    all.add(HttpCase.get("/no-such-route", 404, BodyRule.jsonError()));
    all.add(new HttpCase(wrongMethod, knownPath, java.util.Map.of(), null, null, 405, BodyRule.jsonError()));
    return List.copyOf(all);
  }
}
