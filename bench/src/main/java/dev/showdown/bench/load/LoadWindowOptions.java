package dev.showdown.bench.load;

import dev.showdown.kit.DurationConverter;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The flags every load command shares: the measured window, its warm-up, the rate, the ids, the client threads. */
public final class LoadWindowOptions {

  @Option(names = {"-d", "--duration"}, defaultValue = "10s", converter = DurationConverter.class, description = "Measured window. Default: ${DEFAULT-VALUE}")
  public Duration duration;

  @Option(names = "--warmup", defaultValue = "5s", converter = DurationConverter.class, description = "Warm-up before it, not counted. Default: ${DEFAULT-VALUE}")
  public Duration warmup;

  @Option(names = "--rate", defaultValue = "0", description = "Constant total rate (requests/s; for HTTP, built-in generator only), latency from each request's intended send time; 0: closed loop")
  public int rate;

  @Option(names = "--ids", defaultValue = "10000", description = "Largest id asked for (random ids 1..N). Default: ${DEFAULT-VALUE}")
  public int ids;

  @Option(names = "--threads", defaultValue = "0", description = "Client event loops; 0: one per core")
  public int threads;
}
