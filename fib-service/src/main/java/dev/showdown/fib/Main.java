package dev.showdown.fib;

import dev.showdown.kit.ServiceMain;
import dev.showdown.kit.ServiceOptions;
import dev.showdown.kit.ThreadCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "fib-service", mixinStandardHelpOptions = true,
    description = "GET /fib/{n} -> {\"result\":fib(n)} by naive recursion on a bounded worker pool.")
public final class Main implements Callable<Integer> {
  @Mixin
  ServiceOptions options;

  @Option(names = "--workers", defaultValue = "${env:WORKERS:-0}", converter = WorkersConverter.class,
      description = "Worker threads, 0.." + ThreadCount.MAX + " (env WORKERS); 0 means one per core. Default: ${DEFAULT-VALUE}")
  int workers;

  @Option(names = "--queue", defaultValue = "${env:QUEUE:-64}", description = "Requests that may wait for a worker before 503 (env QUEUE). Default: ${DEFAULT-VALUE}")
  int queue;

  @Option(names = "--max-n", defaultValue = "${env:MAX_N:-40}", description = "Largest n accepted, at most 92 (env MAX_N). Default: ${DEFAULT-VALUE}")
  int maxN;

  @Override
  public Integer call() {
    return ServiceMain.run(service(), options);
  }

  /** The service the flags describe. */
  FibService service() {
    return new FibService(ThreadCount.orCores(workers), queue, maxN);
  }

  public static void main(String[] args) {
    ServiceMain.launch(new Main(), args);
  }

  /** Reads and refuses {@code --workers} as the kit does {@code --event-loops}. */
  static final class WorkersConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return ThreadCount.parse(value, "a worker count");
    }
  }
}
