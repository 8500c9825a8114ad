package dev.showdown.bench.push;

import dev.showdown.kit.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code bench push-client}: holds N push connections to one service and reports held, received vs expected,
 * and delivery latency. The push-scale scenario runs several of these, each under the file limit.
 */
@Command(name = "push-client", mixinStandardHelpOptions = true,
    description = "Opens and holds N WebSocket or TCP push connections; reports connections held, messages "
        + "received vs expected, and delivery latency p50/p99/max from the ts each message carries.")
public final class PushClientCommand implements Callable<Integer> {
  @Option(names = "--url", required = true, description = "ws://host:port/push or tcp://host:port")
  String url;

  @Option(names = "--connections", defaultValue = "10000", description = "Connections to hold. Default: ${DEFAULT-VALUE}")
  int connections;

  @Option(names = "--hold", defaultValue = "65s", converter = DurationConverter.class,
      description = "How long to hold them once all are up. Default: ${DEFAULT-VALUE}")
  Duration hold;

  @Option(names = "--interval", defaultValue = "10s", converter = DurationConverter.class,
      description = "The service's push interval. Default: ${DEFAULT-VALUE}")
  Duration interval;

  @Option(names = "--sources", defaultValue = "0",
      description = "Loopback source addresses to spread connections over; 0 = one per 10,000")
  int sources;

  @Option(names = "--first-source", defaultValue = "1",
      description = "First source address 127.0.0.N; clients side by side need disjoint ranges. Default: ${DEFAULT-VALUE}")
  int firstSource;

  @Option(names = "--connect-concurrency", defaultValue = "256", description = "Connection set-ups in flight. Default: ${DEFAULT-VALUE}")
  int connectConcurrency;

  @Option(names = "--threads", defaultValue = "0", description = "Client event loops; 0 = one per core")
  int threads;

  @Option(names = "--result", description = "Also write the result as JSON to this file")
  Path result;

  @Override
  public Integer call() throws Exception {
    PushTarget target = PushTarget.parse(url);
    long fileLimit = FileLimit.current();
    if (fileLimit > 0 && connections > fileLimit - 100) {
      System.err.println("push-client: " + connections + " connections need more open files than this process may hold ("
          + fileLimit + "); raise the limit (ulimit -n) or spread the connections over several clients");
      return 2;
    }
    PushLoad load = new PushLoad(connections, hold, interval, firstSource,
        sources > 0 ? sources : PushLoad.sourcesFor(connections),
        connectConcurrency, threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    // The ready line tells a scenario that started this process that it runs; the result comes when it exits.
    System.out.println("push-client listening on " + target.host() + ":" + target.port());
    PushResult outcome = new PushClient(target, load, line -> System.out.println("push-client: " + line))
        .run(() -> System.out.println("push-client: holding"), () -> { });
    System.out.println("push-client: " + outcome.summary());
    if (result != null) {
      outcome.write(result);
    }
    return outcome.established() == 0 ? 1 : 0;
  }
}
