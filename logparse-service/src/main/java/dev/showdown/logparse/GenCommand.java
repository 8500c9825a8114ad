package dev.showdown.logparse;

import dev.showdown.kit.InvalidFlagException;
import dev.showdown.logparse.core.LogGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "gen", mixinStandardHelpOptions = true,
    description = "Writes the standard NDJSON log: same seed and line count, same bytes on every machine.")
final class GenCommand implements Callable<Integer> {
  @Option(names = "--lines", defaultValue = "100000", description = "Lines to write. Default: ${DEFAULT-VALUE}")
  long lines;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generator. Default: ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--out", required = true, description = "File to write (replaced if it exists)")
  Path out;

  @Override
  public Integer call() throws IOException {
    InvalidFlagException.require(lines >= 0, "--lines must be at least 0, not " + lines);
    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
      new LogGenerator(seed).write(lines, stream);
    }
    System.out.println("wrote " + lines + " lines (" + Files.size(out) + " bytes, seed " + seed + ") to " + out);
    return 0;
  }
}
