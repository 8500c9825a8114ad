package dev.showdown.logparse;

import dev.showdown.kit.InvalidFlagException;
import dev.showdown.kit.ServiceMain;
import dev.showdown.kit.ServiceOptions;
import dev.showdown.kit.ThreadCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
  @Mixin
  ServiceOptions options;

  @Option(names = "--workers", defaultValue = "${env:WORKERS:-0}", converter = WorkersConverter.class,
      description = "Worker threads that count bodies, 0.." + ThreadCount.MAX + " (env WORKERS); 0 means one per core")
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
    int maxLineBytes;
    try {
      maxLineBytes = LineLimit.of(maxLine);
    } catch (IllegalArgumentException e) {
      throw new InvalidFlagException(e.getMessage());
    }
    long leastMemory = UvUpload.leastMemory(maxLineBytes);
    InvalidFlagException.require(uploadMemory == 0 || uploadMemory >= leastMemory,
        "--upload-memory must be 0 (a quarter of the heap) or at least " + leastMemory
            + " bytes (one upload's buffers and chunk queue), not " + uploadMemory);
    long uploadBytes = uploadMemory > 0 ? uploadMemory : Runtime.getRuntime().maxMemory() / 4;
    return ServiceMain.run(
        new LogparseService(ThreadCount.orCores(workers), maxBody, maxLineBytes, uploadBytes), options);
  }

  public static void main(String[] args) {
    int status = execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the command line and returns its exit status; the service keeps running after it returns 0. {@code uv}
   * is read by hand (see {@link UvCommand}), all else by picocli through the kit.
   */
  static int execute(String... args) {
    if (args.length > 0 && args[0].equals("uv")) {
      return UvCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
    }
    return ServiceMain.execute(new Main(), args);
  }

  /** Reads and refuses {@code --workers} as the kit does {@code --event-loops}. */
  static final class WorkersConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return ThreadCount.parse(value, "a worker count");
    }
  }
}
