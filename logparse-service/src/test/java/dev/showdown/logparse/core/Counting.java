package dev.showdown.logparse.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/** Test helper: literal text as bytes (plain or gzip), and counts of real files written from them. */
public final class Counting {
  private Counting() {
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }

  static Tally countFile(Path dir, byte[] content, ParserKind parser, int threads, int maxLine) {
    try {
      Path file = Files.createTempFile(dir, "lines", ".ndjson");
      Files.write(file, content);
      return new FileCounter(parser.factory(), threads, maxLine).count(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Long> errorLines(Tally tally) {
    return tally.firstErrors().stream().map(Tally.LineError::line).collect(Collectors.toList());
  }

  static List<LineVerdict> errorVerdicts(Tally tally) {
    return tally.firstErrors().stream().map(Tally.LineError::verdict).collect(Collectors.toList());
  }
}
