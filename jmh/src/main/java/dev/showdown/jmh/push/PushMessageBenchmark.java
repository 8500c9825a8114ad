package dev.showdown.jmh.push;

import dev.showdown.push.core.PushMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The 100-byte push message, built once per tick: the service's encoder (fresh array, or into a reused one),
 * against building the same JSON with a String, and a plain copy of 100 bytes as the floor.
 * Run with {@code -prof gc} for bytes allocated per message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PushMessageBenchmark {
  // Not final, so the JIT cannot fold the inputs into constants.
  long seq = 123_456;
  long ts = 1_732_412_345_678_901L;
  byte[] reused = new byte[PushMessage.SIZE];
  byte[] template = PushMessage.encode(1, 1_732_412_345_678_901L);

  /** The floor: copying a ready message. */
  @Benchmark
  public byte[] baselineCopy() {
    System.arraycopy(template, 0, reused, 0, PushMessage.SIZE);
    return reused;
  }

  /** What the service does once per tick. */
  @Benchmark
  public byte[] encodeFresh() {
    return PushMessage.encode(seq, ts);
  }

  @Benchmark
  public byte[] encodeIntoReused() {
    PushMessage.encode(seq, ts, reused, 0);
    return reused;
  }

  /** The obvious alternative: concatenate and pad a String, then encode it. */
  @Benchmark
  public byte[] stringConcat() {
    String head = "{\"seq\":" + seq + ",\"ts\":" + ts + ",\"pad\":\"";
    return (head + "x".repeat(PushMessage.SIZE - head.length() - 2) + "\"}").getBytes(StandardCharsets.US_ASCII);
  }
}
