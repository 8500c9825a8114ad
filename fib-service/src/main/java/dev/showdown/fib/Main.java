package dev.showdown.fib;

import dev.showdown.kit.ServiceMain;
import dev.showdown.kit.ServiceOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "fib-service", mixinStandardHelpOptions = true,
    description = "GET /fib/{n} -> {\"result\":fib(n)} by naive recursion on a bounded worker pool.")
public final class Main implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ServiceOptions options;

  @Option(names = "--workers", defaultValue = "${env:WORKERS}", description = "Worker threads, at least 1 (env WORKERS). Default: one per core")
  Integer workers;

  @Option(names = "--queue", defaultValue = "${env:QUEUE:-64}", description = "Requests that may wait for a worker before 503 (env QUEUE). Default: ${DEFAULT-VALUE}")
  int queue;

  @Option(names = "--max-n", defaultValue = "${env:MAX_N:-40}", description = "Largest n accepted, at most 92 (env MAX_N). Default: ${DEFAULT-VALUE}")
  int maxN;

  @Override
  public Integer call() {
    int threads = workers != null ? workers : Runtime.getRuntime().availableProcessors();
    FibService service;
    try {
      service = new FibService(threads, queue, maxN);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return ServiceMain.run(service, options);
  }

  /** The command line; a bad flag value is one line on stderr and exit status 2, never a usage dump. */
  static CommandLine commandLine() {
    return new CommandLine(new Main()).setParameterExceptionHandler((e, args) -> {
      e.getCommandLine().getErr().println("fib-service: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    });
  }

  public static void main(String[] args) {
    int status = commandLine().execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }
}
