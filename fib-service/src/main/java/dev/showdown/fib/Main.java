package dev.showdown.fib;

import dev.showdown.kit.ServiceMain;
import dev.showdown.kit.ServiceOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "fib-service", mixinStandardHelpOptions = true,
    description = "GET /fib/{n} -> {\"result\":fib(n)} by naive recursion on a bounded worker pool.")
public final class Main implements Callable<Integer> {
  @Mixin
  ServiceOptions options;

  @Option(names = "--workers", defaultValue = "${env:WORKERS:-0}", description = "Worker threads (env WORKERS); 0 means one per core")
  int workers;

  @Option(names = "--queue", defaultValue = "${env:QUEUE:-64}", description = "Requests that may wait for a worker before 503 (env QUEUE). Default: ${DEFAULT-VALUE}")
  int queue;

  @Option(names = "--max-n", defaultValue = "${env:MAX_N:-40}", description = "Largest n accepted (env MAX_N, at most 92). Default: ${DEFAULT-VALUE}")
  int maxN;

  @Override
  public Integer call() {
    int threads = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    return ServiceMain.run(new FibService(threads, queue, maxN), options);
  }

  public static void main(String[] args) {
    int status = new CommandLine(new Main()).execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }
}
