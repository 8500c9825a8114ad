package dev.showdown.logparse.core;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test: generated lines, damaged at random (bytes deleted, structural characters and escapes
 * inserted, lines cut short), must get the same verdict and the same user from the scanner and from Jackson.
 * Lone escaped surrogates are left out: Jackson refuses one in a key (the RFC 8259 grammar allows it, and the
 * scanner does); in a value both accept it ({@code HostileLinesTest}).
 */
class ParsersAgreeTest {
  private static final String[] INSERTS = {"{", "}", "[", "]", "\"", ",", ":", "\\", "\\u00", "\\ud83d\\ude00", "0", "-",
      "1e", ".", " ", "\t", "t", "null", "\"user_id\":", "\u00e9", "\ud83d\ude00", "\u0001"};

  @Test
  void scannerAndJacksonAgreeOnDamagedLines() throws IOException {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    new LogGenerator(3).write(400, log);
    String[] lines = log.toString(StandardCharsets.UTF_8).split("\n");
    SplittableRandom random = new SplittableRandom(5);
    int counted = 0;
    int refused = 0;
    for (String line : lines) {
      for (int round = 0; round < 25; round++) {
        byte[] damaged = damage(line.getBytes(StandardCharsets.UTF_8), random);
        UserSet byScanner = new UserSet();
        UserSet byJackson = new UserSet();
        LineVerdict scanner = new JsonLineScanner().parse(damaged, 0, damaged.length, byScanner);
        LineVerdict jackson = new JacksonUserIdParser().parse(damaged, 0, damaged.length, byJackson);
        String what = new String(damaged, StandardCharsets.UTF_8);
        assertThat(scanner == LineVerdict.COUNTED).as("%s: scanner %s, jackson %s", what, scanner, jackson)
            .isEqualTo(jackson == LineVerdict.COUNTED);
        if (scanner == LineVerdict.COUNTED) {
          counted++;
          UserSet both = new UserSet();
          both.addAll(byScanner);
          both.addAll(byJackson);
          assertThat(byScanner.size()).isEqualTo(1);
          assertThat(both.size()).as("one and the same user: %s", what).isEqualTo(1);
        } else {
          refused++;
        }
      }
    }
    // The damage must leave both outcomes common, or the test would prove little.
    assertThat(counted).isGreaterThan(1000);
    assertThat(refused).isGreaterThan(1000);
  }

  private static byte[] damage(byte[] line, SplittableRandom random) {
    byte[] result = line;
    int edits = 1 + random.nextInt(2);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(result.length + 1);
      switch (random.nextInt(3)) {
        case 0:
          if (at < result.length) {
            result = concat(Arrays.copyOfRange(result, 0, at), Arrays.copyOfRange(result, at + 1, result.length));
          }
          break;
        case 1:
          byte[] insert = INSERTS[random.nextInt(INSERTS.length)].getBytes(StandardCharsets.UTF_8);
          result = concat(concat(Arrays.copyOfRange(result, 0, at), insert), Arrays.copyOfRange(result, at, result.length));
          break;
        default:
          result = Arrays.copyOf(result, Math.max(at, result.length - 1 - random.nextInt(20)));
      }
    }
    return result;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
