package dev.showdown.logparse;

import dev.showdown.kit.ServiceMain;
import dev.showdown.kit.ServiceOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "logparse-service", mixinStandardHelpOptions = true,
    description = {"Unique users in NDJSON logs.",
        "Without a subcommand: the HTTP service, POST /uv with an NDJSON body (gzip accepted).",
        "Also: logparse-service uv FILE [--threads N] [--parser scanner|jackson] [--repeat K] [--max-line SIZE]",
        "(see uv --help)."},
    subcommands = GenCommand.class)
public final class Main implements Callable<Integer> {
  /** Lines longer than this are errors; shared by the service and the {@code uv} command. */
  static final String DEFAULT_MAX_LINE = "1m";
  /** At most this many counting threads, for the service and for {@code uv}: more would only cost memory. */
  static final int MAX_THREADS = 1024;

  @Spec
  CommandSpec spec;

  @Mixin
  ServiceOptions options;

  @Option(names = "--workers", defaultValue = "${env:WORKERS:-0}",
      description = "Worker threads that count bodies, at most " + MAX_THREADS + " (env WORKERS); 0 means one per core")
  int workers;

  @Option(names = "--max-body", defaultValue = "${env:MAX_BODY:-1g}", converter = ByteSizeConverter.class,
      description = "Largest body, as sent and as inflated, before 413 (env MAX_BODY). Default: ${DEFAULT-VALUE}")
  long maxBody;

  @Option(names = "--max-line", defaultValue = "${env:MAX_LINE:-" + DEFAULT_MAX_LINE + "}", converter = ByteSizeConverter.class,
      description = "Longest line; a longer one is an error (env MAX_LINE). Default: ${DEFAULT-VALUE}")
  long maxLine;

  @Option(names = "--upload-memory", defaultValue = "${env:UPLOAD_MEMORY:-0}", converter = ByteSizeConverter.class,
      description = "Bytes all uploads together may hold (buffers, queued chunks, partial lines); past it new "
          + "uploads get 503 (env UPLOAD_MEMORY); 0 means a quarter of the maximum heap")
  long uploadMemory;

  @Override
  public Integer call() {
    if (workers < 0 || workers > MAX_THREADS) {
      throw invalid("--workers must be in 0.." + MAX_THREADS + " (0 means one per core), not " + workers);
    }
    int maxLineBytes;
    try {
      maxLineBytes = LineLimit.of(maxLine);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
    long leastMemory = UvUpload.leastMemory(maxLineBytes);
    if (uploadMemory != 0 && uploadMemory < leastMemory) {
      throw invalid("--upload-memory must be 0 (a quarter of the heap) or at least " + leastMemory
          + " bytes (one upload's buffers and chunk queue), not " + uploadMemory);
    }
    int threads = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    long uploadBytes = uploadMemory > 0 ? uploadMemory : Runtime.getRuntime().maxMemory() / 4;
    return ServiceMain.run(new LogparseService(threads, maxBody, maxLineBytes, uploadBytes), options);
  }

  private ParameterException invalid(String reason) {
    return new ParameterException(spec.commandLine(), reason);
  }

  public static void main(String[] args) {
    int status = execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command line and returns its exit status; the service keeps running after it returns 0. */
  static int execute(String... args) {
    if (args.length > 0 && args[0].equals("uv")) {
      return UvCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
    }
    return new CommandLine(new Main()).setParameterExceptionHandler(Main::invalidFlags).execute(args);
  }

  /** A bad flag, value or environment variable: one line that says which and why, and status 2. */
  private static int invalidFlags(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command.getErr().println(command.getCommandName() + ": " + e.getMessage() + " (see --help)");
    return 2;
  }
}
