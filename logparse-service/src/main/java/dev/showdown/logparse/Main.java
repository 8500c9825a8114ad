package dev.showdown.logparse;

import dev.showdown.kit.ServiceMain;
import dev.showdown.kit.ServiceOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "logparse-service", mixinStandardHelpOptions = true,
    description = {"Unique users in NDJSON logs.",
        "Without a subcommand: the HTTP service, POST /uv with an NDJSON body (gzip accepted)."},
    subcommands = {GenCommand.class, UvCommand.class})
public final class Main implements Callable<Integer> {
  /** Lines longer than this are errors; shared by the service and the {@code uv} command. */
  static final String DEFAULT_MAX_LINE = "1m";

  @Mixin
  ServiceOptions options;

  @Option(names = "--workers", defaultValue = "${env:WORKERS:-0}",
      description = "Worker threads that count bodies (env WORKERS); 0 means one per core")
  int workers;

  @Option(names = "--max-body", defaultValue = "${env:MAX_BODY:-1g}", converter = ByteSizeConverter.class,
      description = "Largest body, as sent and as inflated, before 413 (env MAX_BODY). Default: ${DEFAULT-VALUE}")
  long maxBody;

  @Option(names = "--max-line", defaultValue = "${env:MAX_LINE:-" + DEFAULT_MAX_LINE + "}", converter = ByteSizeConverter.class,
      description = "Longest line; a longer one is an error (env MAX_LINE). Default: ${DEFAULT-VALUE}")
  long maxLine;

  @Override
  public Integer call() {
    int threads = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    return ServiceMain.run(new LogparseService(threads, maxBody, LineLimit.of(maxLine)), options);
  }

  public static void main(String[] args) {
    int status = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }
}
