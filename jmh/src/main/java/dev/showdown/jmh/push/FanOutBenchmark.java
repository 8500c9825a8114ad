package dev.showdown.jmh.push;

import dev.showdown.push.core.PushMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One tick's fan-out over one event loop's connections, without the kernel: the message encoded once into a
 * shared read-only direct buffer and each connection written a view of it (the service's way), against a
 * message encoded and copied per connection. In-memory channels stand in for sockets, so this is the JVM's
 * share of a tick; the bench's push scenario measures the whole. Time is per connection.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanOutBenchmark {
  static final int CONNECTIONS = 5_000;

  int connections = CONNECTIONS;

  long seq;
  EmbeddedChannel[] channels;

  @Setup
  public void setUp() {
    channels = new EmbeddedChannel[connections];
    for (int i = 0; i < connections; i++) {
      channels[i] = new EmbeddedChannel();
    }
  }

  @TearDown(Level.Invocation)
  public void drain() {
    for (EmbeddedChannel channel : channels) {
      for (Object written; (written = channel.readOutbound()) != null; ) {
        ((ByteBuf) written).release();
      }
    }
  }

  @TearDown
  public void close() {
    for (EmbeddedChannel channel : channels) {
      channel.finishAndReleaseAll();
    }
  }

  @Benchmark
  @OperationsPerInvocation(CONNECTIONS)
  public int encodeOnceShareDirect() {
    ByteBuf shared = Unpooled.unreleasableBuffer(Unpooled.directBuffer(PushMessage.SIZE)
        .writeBytes(PushMessage.encode(++seq, System.nanoTime())).asReadOnly());
    int written = 0;
    for (EmbeddedChannel channel : channels) {
      if (channel.isWritable()) {
        channel.writeAndFlush(shared.duplicate(), channel.voidPromise());
        written++;
      }
    }
    return written;
  }

  @Benchmark
  @OperationsPerInvocation(CONNECTIONS)
  public int encodePerConnection() {
    long ts = System.nanoTime();
    int written = 0;
    for (EmbeddedChannel channel : channels) {
      if (channel.isWritable()) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(PushMessage.encode(seq, ts)), channel.voidPromise());
        written++;
      }
    }
    seq++;
    return written;
  }
}
