package dev.showdown.jmh.logparse;

import dev.showdown.logparse.core.LineVerdict;
import dev.showdown.logparse.core.NdjsonCounter;
import dev.showdown.logparse.core.ParserKind;
import dev.showdown.logparse.core.Tally;
import dev.showdown.logparse.core.UserIdParser;
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
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * One thread counting the standard 100,000-line log held in memory, parser against parser: Jackson's
 * streaming parser (nextFieldName + skipChildren) and the hand-written validating scanner. The baseline
 * splits the same bytes into lines and parses none: the floor every parser stands on.
 * Run: {@code java -jar jmh/target/benchmarks.jar LineParser -f 1 -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LineParserBenchmark {
  private static final UserIdParser SPLIT_ONLY = (line, from, to, users) -> LineVerdict.COUNTED;

  /** The parser under test; a state of its own, so that the baseline runs once rather than once per parser. */
  @State(Scope.Benchmark)
  public static class Parser {
    @Param({"SCANNER", "JACKSON"})
    ParserKind kind;
  }

  // Not final: the JIT must not treat the input as a constant.
  byte[] log;

  @Setup
  public void generate() {
    log = StandardLog.bytes(100_000);
  }

  @Benchmark
  public long count(Parser parser) {
    return count(parser.kind.factory().get());
  }

  @Benchmark
  public long baselineSplitLinesOnly() {
    return count(SPLIT_ONLY);
  }

  private long count(UserIdParser lineParser) {
    NdjsonCounter counter = new NdjsonCounter(lineParser, 1 << 20);
    counter.feed(ByteBuffer.wrap(log));
    Tally tally = counter.finish();
    return tally.lines() + tally.uniqueUsers();
  }
}
