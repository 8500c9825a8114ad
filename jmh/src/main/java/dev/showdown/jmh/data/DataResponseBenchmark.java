package dev.showdown.jmh.data;

import dev.showdown.data.DataBody;
import dev.showdown.data.JsonText;
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
 * Building one {@code /data} answer from the upstream body (~200 bytes, as the bench stub sends) and the
 * Redis cache value: the service's pass-through (check the body is one JSON value, then copy its bytes), the
 * same without the check (the floor), and the decode/encode round trip through Vert.x's JsonObject.
 * Run with {@code -prof gc} for bytes allocated per answer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DataResponseBenchmark {
  // Not final: the JIT must not fold the inputs into constants.
  byte[] upstreamBody;
  byte[] cacheValue;

  @Setup
  public void setUp() {
    upstreamBody = ("{\"id\":4711,\"name\":\"item-4711\",\"price\":19.99,\"currency\":\"EUR\",\"stock\":42,"
        + "\"tags\":[\"alpha\",\"beta\",\"gamma\"],\"updated\":\"2025-06-01T12:00:00Z\","
        + "\"description\":\"A stub item of about two hundred bytes.\"}").getBytes(StandardCharsets.UTF_8);
    cacheValue = "cached-value-4711".getBytes(StandardCharsets.UTF_8);
  }

  /** What the service does: validate the upstream bytes with a streaming parser, then splice them in. */
  @Benchmark
  public Buffer passThroughChecked() {
    if (!JsonText.isSingleValue(upstreamBody, upstreamBody.length)) {
      throw new IllegalStateException("upstream body is valid JSON");
    }
    return Buffer.buffer(DataBody.assemble(upstreamBody, cacheValue));
  }

  /** The floor: splice the bytes in without checking them (would forward garbage as JSON). */
  @Benchmark
  public Buffer passThroughUnchecked() {
    return Buffer.buffer(DataBody.assemble(upstreamBody, cacheValue));
  }

  /** The idiomatic alternative: decode the upstream body into a tree and encode the whole answer again. */
  @Benchmark
  public Buffer decodeEncode() {
    JsonObject api = new JsonObject(Buffer.buffer(upstreamBody));
    return new JsonObject()
        .put("api", api)
        .put("cache", new String(cacheValue, StandardCharsets.UTF_8))
        .toBuffer();
  }
}
