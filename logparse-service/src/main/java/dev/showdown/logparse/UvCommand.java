package dev.showdown.logparse;

import dev.showdown.kit.Digits;
import dev.showdown.kit.ThreadCount;
import dev.showdown.logparse.core.FileCounter;
import dev.showdown.logparse.core.ParserKind;
import dev.showdown.logparse.core.Tally;
import dev.showdown.logparse.core.UvReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code uv FILE}: counts a file and prints the contract's JSON. Its arguments are read by hand rather than
 * by picocli, whose start-up (reflection, converters, about 100 ms) would be most of a cold run's time.
 */
final class UvCommand {
  static final String USAGE = String.join("\n",
      "Usage: logparse-service uv FILE [--threads N] [--parser scanner|jackson] [--repeat K] [--max-line SIZE]",
      "Counts the unique top-level user_id values of an NDJSON file and prints the contract's JSON.",
      "      FILE              NDJSON file to count",
      "      --threads N       Counting threads, at most " + ThreadCount.MAX + "; 0 means one per core. Default: 0",
      "      --parser NAME     Line parser: scanner or jackson. Default: scanner",
      "      --repeat K        Count K times in this JVM, one JSON line each (warm timings). Default: 1",
      "      --max-line SIZE   Longest line (bytes, or 512k, 1m...); a longer one is an error. Default: "
          + Main.DEFAULT_MAX_LINE,
      "  -h, --help            Show this help message and exit.");

  private Path file;
  private int threads;
  private ParserKind parser = ParserKind.SCANNER;
  private int repeat = 1;
  private int maxLineBytes = LineLimit.of(ByteSizes.parse(Main.DEFAULT_MAX_LINE));

  private UvCommand() {
  }

  /** Runs {@code uv} with the arguments after the word {@code uv}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    UvCommand command = new UvCommand();
    try {
      if (!command.parse(args)) {
        out.println(USAGE);
        return 0;
      }
    } catch (IllegalArgumentException e) {
      err.println("uv: " + e.getMessage());
      return 2;
    }
    return command.count(out, err);
  }

  /** Reads the arguments; false when help was asked for. */
  private boolean parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-h") || arg.equals("--help")) {
        return false;
      }
      if (!arg.startsWith("--")) {
        if (file != null) {
          throw new IllegalArgumentException("one FILE only, got " + file + " and " + arg);
        }
        file = Path.of(arg);
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException(name + " needs a value");
      }
      switch (name) {
        case "--threads": threads = integer(name, value, 0, ThreadCount.MAX); break;
        case "--repeat": repeat = integer(name, value, 1, Integer.MAX_VALUE); break;
        case "--max-line": maxLineBytes = LineLimit.of(ByteSizes.parse(value)); break;
        case "--parser":
          try {
            parser = ParserKind.of(value);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--parser must be scanner or jackson, not '" + value + "'");
          }
          break;
        default: throw new IllegalArgumentException("unknown option " + name);
      }
    }
    if (file == null) {
      throw new IllegalArgumentException("FILE is missing");
    }
    return true;
  }

  private int count(PrintStream out, PrintStream err) {
    FileCounter counter = new FileCounter(parser.factory(), ThreadCount.orCores(threads), maxLineBytes);
    for (int run = 0; run < repeat; run++) {
      long start = System.nanoTime();
      Tally tally;
      try {
        tally = counter.count(file);
      } catch (IOException e) {
        err.println("uv: cannot read " + file + ": " + e);
        return 1;
      }
      out.println(UvReport.json(tally, System.nanoTime() - start));
    }
    return 0;
  }

  private static int integer(String name, String value, int min, int max) {
    long number = Digits.parseBounded(value, max);
    if (number < min) {
      throw new IllegalArgumentException(name + " must be an integer in " + min + ".." + max + ", not '" + value + "'");
    }
    return (int) number;
  }
}
