package dev.showdown.logparse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showdown.kit.RunningService;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.showdown.logparse.core.Counting.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids built to collide under simple hashes count about as fast as as many random ids of the same length,
 * through the real {@code uv} command and the real service. Timings are compared as a ratio within one test.
 */
class HashFloodTest {
  private static final int IDS = 1 << 15;
  /** Generous: a hash that lets them collide makes the set quadratic, hundreds of times slower at this size. */
  private static final double MAX_RATIO = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Ids of a shape that defeats some simple hash. */
  enum Family {
    /** {@code Aa} and {@code BB} blocks: one hash under {@code 31 * h + byte} (what String.hashCode does). */
    AA_BB {
      @Override
      byte[] id(int n) {
        byte[] id = new byte[30];
        for (int block = 0; block < 15; block++) {
          boolean aa = (n >>> block & 1) == 0;
          id[2 * block] = (byte) (aa ? 'A' : 'B');
          id[2 * block + 1] = (byte) (aa ? 'a' : 'B');
        }
        return id;
      }
    },
    /** Five eight-byte words from eight: many share a word sum or xor, whatever their order. */
    WORD_MIXES {
      @Override
      byte[] id(int n) {
        byte[] id = new byte[40];
        for (int word = 0; word < 5; word++) {
          byte letter = (byte) ('a' + (n >>> (3 * word) & 7));
          for (int i = 0; i < 8; i++) {
            id[8 * word + i] = letter;
          }
        }
        return id;
      }
    };

    abstract byte[] id(int n);
  }

  @TempDir
  static Path dir;
  static RunningService service;

  @BeforeAll
  static void start() {
    service = RunningService.start(new LogparseService(2, 64L << 20, 4096, 64L << 20));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static byte[] body(List<byte[]> ids) {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    for (byte[] id : ids) {
      lines.writeBytes(utf8("{\"user_id\":\""));
      lines.writeBytes(id);
      lines.writeBytes(utf8("\"}\n"));
    }
    return lines.toByteArray();
  }

  private static List<byte[]> built(Family family) {
    List<byte[]> ids = new ArrayList<>();
    for (int n = 0; n < IDS; n++) {
      ids.add(family.id(n));
    }
    return ids;
  }

  /** As many random ids, of the same lengths. */
  private static List<byte[]> random(List<byte[]> like) {
    SplittableRandom random = new SplittableRandom(7);
    List<byte[]> ids = new ArrayList<>();
    for (byte[] model : like) {
      byte[] id = new byte[model.length];
      for (int i = 0; i < id.length; i++) {
        id[i] = (byte) ('a' + random.nextInt(26));
      }
      ids.add(id);
    }
    return ids;
  }

  /** The best {@code elapsed_ms} of a few runs of {@code uv FILE}, after checking the count. */
  private static double cliMillis(byte[] body) throws IOException {
    Path file = Files.createTempFile(dir, "ids", ".ndjson");
    Files.write(file, body);
    InProcessCli.Run run = InProcessCli.run("uv", file.toString(), "--threads", "2", "--repeat", "3");
    assertThat(run.status()).isZero();
    double best = Double.MAX_VALUE;
    for (String line : run.out().strip().split("\n")) {
      best = Math.min(best, answer(line));
    }
    return best;
  }

  private static double serviceMillis(byte[] body) throws IOException {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      HttpResponse<Buffer> response = service.send(HttpMethod.POST, "/uv", Buffer.buffer(body));
      assertThat(response.statusCode()).isEqualTo(200);
      best = Math.min(best, answer(response.bodyAsString()));
    }
    return best;
  }

  /** Checks that every id counted once; returns the count's own time. */
  private static double answer(String json) throws IOException {
    assertThat(JSON.readTree(json).get("uv").asInt()).isEqualTo(IDS);
    return JSON.readTree(json).get("elapsed_ms").asDouble();
  }

  @ParameterizedTest
  @EnumSource(Family.class)
  void builtIdsCountAsFastAsRandomOnesInTheCli(Family family) throws IOException {
    List<byte[]> built = built(family);
    byte[] randomBody = body(random(built));
    cliMillis(randomBody); // warms the count up
    double random = cliMillis(randomBody);
    double colliding = cliMillis(body(built));
    assertThat(colliding / random).as("%s: %.1f ms against %.1f ms for random ids", family, colliding, random)
        .isLessThan(MAX_RATIO);
  }

  @ParameterizedTest
  @EnumSource(Family.class)
  void builtIdsCountAsFastAsRandomOnesInTheService(Family family) throws IOException {
    List<byte[]> built = built(family);
    byte[] randomBody = body(random(built));
    serviceMillis(randomBody);
    double random = serviceMillis(randomBody);
    double colliding = serviceMillis(body(built));
    assertThat(colliding / random).as("%s: %.1f ms against %.1f ms for random ids", family, colliding, random)
        .isLessThan(MAX_RATIO);
  }
}
