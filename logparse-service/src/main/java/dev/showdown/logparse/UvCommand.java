package dev.showdown.logparse;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "uv", mixinStandardHelpOptions = true,
    description = {"Counts the unique top-level user_id values of an NDJSON file and prints the contract's JSON.",
        "With --repeat K the count runs K times in this JVM, one JSON line each (warm timings)."})
final class UvCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "NDJSON file to count")
  Path file;

  @Option(names = "--threads", defaultValue = "0", description = "Counting threads; 0 means one per core")
  int threads;

  @Option(names = "--parser", defaultValue = "scanner",
      description = "Line parser: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}")
  ParserKind parser;

  @Option(names = "--repeat", defaultValue = "1", description = "Runs, each printed. Default: ${DEFAULT-VALUE}")
  int repeat;

  @Option(names = "--max-line", defaultValue = Main.DEFAULT_MAX_LINE, converter = ByteSizeConverter.class,
      description = "Longest line; a longer one is an error. Default: ${DEFAULT-VALUE}")
  long maxLine;

  @Override
  public Integer call() {
    int cores = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    FileCounter counter = new FileCounter(parser.factory(), cores, LineLimit.of(maxLine));
    for (int run = 0; run < Math.max(1, repeat); run++) {
      long start = System.nanoTime();
      Tally tally;
      try {
        tally = counter.count(file);
      } catch (IOException e) {
        System.err.println("uv: cannot read " + file + ": " + e.getMessage());
        return 1;
      }
      System.out.println(UvReport.json(tally, System.nanoTime() - start));
    }
    return 0;
  }
}
