package dev.showdown.jmh.ping;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.showdown.ping.PongBody;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
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

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Ways to produce the {@code {"message":"pong"}} body for one response, as the event loop would per request:
 * the pre-encoded buffer the service uses, a reused Jackson generator (the TechEmpower rule of serialising per
 * request), and Vert.x's JsonObject. Run with {@code -prof gc} to see bytes allocated per response.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PingEncodingBenchmark {
  private static final SerializedString MESSAGE = new SerializedString("message");

  // Not final, so the JIT cannot treat the text as a constant.
  String pong = "pong";
  Buffer preEncoded;
  JsonFactory jsonFactory;

  @Setup
  public void setUp() {
    preEncoded = Buffer.buffer(PongBody.bytes());
    jsonFactory = new JsonFactory();
  }

  /** What the service does: hand the same bytes to the connection (Vert.x writes a duplicate, not a copy). */
  @Benchmark
  public Object preEncodedBuffer() {
    return ((BufferInternal) preEncoded).getByteBuf();
  }

  /** Serialise per request with Jackson's streaming generator straight into a Netty buffer. */
  @Benchmark
  public Object jacksonGeneratorPerRequest() throws IOException {
    io.netty.buffer.ByteBuf out = Unpooled.buffer(32);
    try (JsonGenerator generator = jsonFactory.createGenerator((java.io.OutputStream) new ByteBufOutputStream(out), JsonEncoding.UTF8)) {
      generator.writeStartObject();
      generator.writeFieldName(MESSAGE);
      generator.writeString(pong);
      generator.writeEndObject();
    }
    return out;
  }

  /** The idiomatic Vert.x way: a JsonObject encoded per request. */
  @Benchmark
  public Buffer vertxJsonObjectPerRequest() {
    return new JsonObject().put("message", pong).toBuffer();
  }
}
