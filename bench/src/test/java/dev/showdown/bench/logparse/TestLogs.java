package dev.showdown.bench.logparse;

import dev.showdown.logparse.core.LogGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The standard 100,000-line log, written once per test JVM by logparse-service's own generator. */
public final class TestLogs {
  private static Path standard;

  private TestLogs() {
  }

  public static synchronized Path standard() {
    if (standard == null) {
      try {
        Path file = Files.createTempFile("bench-test-standard", ".ndjson");
        file.toFile().deleteOnExit();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
          new LogGenerator(StandardLog.SEED).write(StandardLog.LINES, out);
        }
        standard = file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return standard;
  }
}
