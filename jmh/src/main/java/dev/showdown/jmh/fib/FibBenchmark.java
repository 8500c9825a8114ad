package dev.showdown.jmh.fib;

import dev.showdown.fib.Fibonacci;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The cost of one naive fib(n), the work behind one {@code GET /fib/{n}}: it bounds what the worker pool can
 * serve (cores ÷ time per call). Run: {@code java -jar jmh/target/benchmarks.jar Fib -f 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FibBenchmark {

  // Not final, so the JIT cannot fold the call into a constant.
  @Param({"20", "30", "35"})
  int n;

  @Benchmark
  public long naive() {
    return Fibonacci.of(n);
  }
}
