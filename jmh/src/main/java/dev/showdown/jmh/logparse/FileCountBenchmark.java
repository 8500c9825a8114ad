package dev.showdown.jmh.logparse;

import dev.showdown.logparse.core.FileCounter;
import dev.showdown.logparse.core.ParserKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The whole {@code uv FILE} job on the standard 100,000-line file: memory-mapped, cut on line boundaries
 * into one slice per thread, per-thread user sets merged. Parser by thread count, side by side.
 * Run: {@code java -jar jmh/target/benchmarks.jar FileCount -f 1 -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FileCountBenchmark {
  @Param({"SCANNER", "JACKSON"})
  ParserKind parser;

  @Param({"1", "2"})
  int threads;

  Path file;
  FileCounter counter;

  @Setup
  public void writeFile() throws IOException {
    file = Files.createTempFile("logparse-jmh", ".ndjson");
    Files.write(file, StandardLog.bytes(100_000));
    counter = new FileCounter(parser.factory(), threads, 1 << 20);
  }

  @TearDown
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public int count() throws IOException {
    return counter.count(file).uniqueUsers();
  }
}
