package dev.showdown.bench.grpc;

import dev.showdown.bench.scenario.Progress;
import dev.showdown.bench.load.LoadWindowOptions;
import dev.showdown.bench.scenario.ProgressListener;
import dev.showdown.kit.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bench grpc-load --target host:port}: one gRPC GetUser load on any UserService, printed like wrk does. */
@Command(name = "grpc-load", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Puts userservice.v1.UserService/GetUser load on --target (random ids 1..--ids) and prints the figures.")
public final class GrpcLoadCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--target", required = true, paramLabel = "HOST:PORT", description = "The UserService, e.g. 127.0.0.1:9090")
  String target;

  @Option(names = "--concurrency", defaultValue = "64", description = "Calls in flight. Default: ${DEFAULT-VALUE}")
  int concurrency;

  @Option(names = "--connections", defaultValue = "4", description = "HTTP/2 connections they share. Default: ${DEFAULT-VALUE}")
  int connections;

  @Mixin
  LoadWindowOptions window;

  @Override
  public Integer call() throws Exception {
    GrpcTarget address;
    GrpcLoad load;
    try {
      address = GrpcTarget.parse(target);
      load = new GrpcLoad(concurrency, connections, window.duration, window.warmup, window.rate, window.ids);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    GrpcLoadResult r = new GrpcLoadGenerator(window.threads).run(address.host(), address.port(), load,
        new ProgressListener(Progress.toStderr(), "grpc-load", address.toString()));
    System.out.printf(Locale.ROOT, "grpc-load %s GetUser: %d calls in flight over %d connections, %s%s (warm-up %s)%n",
        address, concurrency, connections, Durations.format(window.duration), window.rate > 0 ? " at " + window.rate + " calls/s" : "",
        Durations.format(window.warmup));
    System.out.printf(Locale.ROOT, "  requests %d in %.2f s = %.1f req/s%n", r.requests(), r.seconds(), r.qps());
    System.out.printf(Locale.ROOT, "  latency ms: mean %.3f  p50 %.3f  p75 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f%n",
        r.latencyMicros().getMean() / 1e3, r.percentileMillis(50), r.percentileMillis(75), r.percentileMillis(90),
        r.percentileMillis(99), r.percentileMillis(99.9), r.latencyMicros().getMaxValue() / 1e3);
    System.out.printf(Locale.ROOT, "  errors by status: %s; unanswered at the end %d%n",
        r.errorsByStatus().isEmpty() ? "none" : r.errorsByStatus(), r.unfinished());
    System.out.printf(Locale.ROOT, "  load client CPU: %.2f cores busy%n", r.clientCoresBusy());
    return r.errors() == 0 ? 0 : 1;
  }
}
