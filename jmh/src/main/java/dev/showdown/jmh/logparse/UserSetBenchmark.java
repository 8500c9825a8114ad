package dev.showdown.jmh.logparse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.showdown.logparse.core.UserSet;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The user set alone, its hash included: every top-level id of the standard 100,000-line log (as the parsers
 * hand them over: decoded UTF-8, integers as their digits) added to a fresh set, against 65,536 distinct ids
 * made of {@code Aa} and {@code BB} blocks, which all share one {@code 31 * h + byte} hash.
 * Run: {@code java -jar jmh/target/benchmarks.jar UserSet -f 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UserSetBenchmark {
  /** Where the ids come from. */
  public enum Ids { STANDARD, AA_BB }

  @Param({"STANDARD", "AA_BB"})
  Ids ids;

  // The ids packed one after another, as they lie in the parsers' line buffers.
  byte[] packed;
  int[] offsets;
  int[] lengths;

  @Setup
  public void collect() throws IOException {
    List<byte[]> all = ids == Ids.STANDARD ? standardIds() : aaBbIds(16);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    offsets = new int[all.size()];
    lengths = new int[all.size()];
    for (int i = 0; i < all.size(); i++) {
      offsets[i] = out.size();
      lengths[i] = all.get(i).length;
      out.writeBytes(all.get(i));
    }
    packed = out.toByteArray();
  }

  @Benchmark
  public int addAll() {
    UserSet users = new UserSet();
    for (int i = 0; i < offsets.length; i++) {
      users.add(packed, offsets[i], lengths[i]);
    }
    return users.size();
  }

  private static List<byte[]> standardIds() throws IOException {
    JsonFactory json = new JsonFactory();
    List<byte[]> found = new ArrayList<>();
    for (String line : new String(StandardLog.bytes(100_000), StandardCharsets.UTF_8).split("\n")) {
      try (JsonParser parser = json.createParser(line)) {
        String id = null;
        parser.nextToken();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          boolean isUserId = parser.currentName().equals("user_id");
          JsonToken value = parser.nextToken();
          if (isUserId) {
            id = value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT ? parser.getText() : null;
          }
          parser.skipChildren();
        }
        if (id != null) {
          found.add(id.getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException brokenLine) {
        // The standard log breaks a few lines on purpose; they hold no id to add.
      }
    }
    return found;
  }

  /** The 2^blocks ids of {@code blocks} two-byte blocks, each {@code Aa} or {@code BB}. */
  private static List<byte[]> aaBbIds(int blocks) {
    List<byte[]> made = new ArrayList<>(1 << blocks);
    for (int bits = 0; bits < 1 << blocks; bits++) {
      byte[] id = new byte[2 * blocks];
      for (int block = 0; block < blocks; block++) {
        boolean aa = (bits >>> block & 1) == 0;
        id[2 * block] = (byte) (aa ? 'A' : 'B');
        id[2 * block + 1] = (byte) (aa ? 'a' : 'B');
      }
      made.add(id);
    }
    return made;
  }
}
