package dev.showdown.bench.grpc;

import dev.showdown.bench.load.LoadTiming;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A gRPC load: {@code concurrency} calls in flight over {@code connections} HTTP/2 connections for
 * {@code duration} after a {@code warmup}, GetUser with a random id in 1..{@code maxId}; closed loop (each slot
 * calls again when its answer arrives) or at a constant total {@code rate}.
 */
public record GrpcLoad(int concurrency, int connections, Duration duration, Duration warmup, int rate, int maxId) {

  /** The standard gRPC load: 64 concurrent calls over 4 connections, 10 s, random ids 1..10000. */
  public static GrpcLoad standard() {
    return new GrpcLoad(64, 4, Duration.ofSeconds(10), Duration.ofSeconds(5), 0, 10_000);
  }

  public GrpcLoad {
    if (concurrency < 1 || connections < 1 || maxId < 1 || rate < 0) {
      throw new IllegalArgumentException("concurrency, connections and ids must be positive, rate not negative");
    }
  }

  public GrpcLoad withTiming(Duration newDuration, Duration newWarmup, int newRate) {
    return new GrpcLoad(concurrency, connections, newDuration, newWarmup, newRate, maxId);
  }

  public boolean constantRate() {
    return rate > 0;
  }

  /** The settings as they are written in results.json. */
  public Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("rpc", "userservice.v1.UserService/GetUser");
    map.put("concurrency", concurrency);
    map.put("connections", connections);
    LoadTiming.describe(map, duration, warmup, rate);
    map.put("ids", "1.." + maxId);
    return map;
  }
}
