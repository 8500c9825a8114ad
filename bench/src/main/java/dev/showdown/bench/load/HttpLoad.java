package dev.showdown.bench.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP load: {@code connections} keep-alive connections for {@code duration} after a {@code warmup}, either
 * closed loop (each connection sends its next request when the answer arrives) or at a constant total
 * {@code rate}. A {@code path} containing {@code {id}} gets a random id in 1..{@code maxId} per request.
 */
public record HttpLoad(String path, int connections, Duration duration, Duration warmup, int rate, int maxId,
                       Duration timeout) {

  public static final String ID = "{id}";
  private static final Duration QUICK_DURATION = Duration.ofSeconds(3);
  private static final Duration QUICK_WARMUP = Duration.ofSeconds(1);

  /** A closed-loop load with a warm-up of half the duration (at most 5 s) and a 10 s request timeout. */
  public static HttpLoad closedLoop(String path, int connections, Duration duration) {
    Duration warmup = duration.dividedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : duration.dividedBy(2);
    return new HttpLoad(path, connections, duration, warmup, 0, 0, Duration.ofSeconds(10));
  }

  public HttpLoad withRandomIds(int max) {
    return new HttpLoad(path, connections, duration, warmup, rate, max, timeout);
  }

  public HttpLoad withRate(int requestsPerSecond) {
    return new HttpLoad(path, connections, duration, warmup, requestsPerSecond, maxId, timeout);
  }

  public HttpLoad withWarmup(Duration value) {
    return new HttpLoad(path, connections, duration, value, rate, maxId, timeout);
  }

  /** The {@code --quick} version: a few seconds, same connections and rate. */
  public HttpLoad quick() {
    return new HttpLoad(path, connections, min(duration, QUICK_DURATION), min(warmup, QUICK_WARMUP), rate, maxId, timeout);
  }

  public boolean constantRate() {
    return rate > 0;
  }

  public boolean randomIds() {
    return path.contains(ID) && maxId > 0;
  }

  /** The path of one request: {@code {id}} replaced by {@code id}. */
  public String pathFor(int id) {
    return path.replace(ID, Integer.toString(id));
  }

  /** The settings as they are written in results.json. */
  public Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("path", path);
    map.put("connections", connections);
    LoadTiming.describe(map, duration, warmup, rate);
    if (randomIds()) {
      map.put("ids", "1.." + maxId);
    }
    map.put("timeout_s", timeout.toMillis() / 1000.0);
    return map;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
