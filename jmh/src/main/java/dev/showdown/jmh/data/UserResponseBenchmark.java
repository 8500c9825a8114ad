package dev.showdown.jmh.data;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Building one {@code /user} answer from the bytes stored at {@code user:{id}}: the service hands the Redis
 * reply's bytes to the response as they are; the alternative decodes them into a JsonObject and encodes it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UserResponseBenchmark {
  // Not final: the JIT must not fold the input into a constant.
  Buffer stored;

  @Setup
  public void setUp() {
    stored = Buffer.buffer("{\"id\":4711,\"name\":\"user4711\",\"email\":\"user4711@example.com\"}"
        .getBytes(StandardCharsets.UTF_8));
  }

  /** What the service does: the stored bytes are the answer. */
  @Benchmark
  public Buffer passThrough() {
    return stored;
  }

  /** Decode into a tree and encode it again. */
  @Benchmark
  public Buffer decodeEncode() {
    return new JsonObject(stored).toBuffer();
  }
}
