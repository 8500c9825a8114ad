package dev.showdown.jmh.logparse;

import dev.showdown.logparse.core.LogGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The standard log (seed 42), generated in memory for the benchmarks of this package. */
final class StandardLog {
  static final long SEED = 42;

  private StandardLog() {
  }

  static byte[] bytes(int lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(lines * 560);
    try {
      new LogGenerator(SEED).write(lines, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
