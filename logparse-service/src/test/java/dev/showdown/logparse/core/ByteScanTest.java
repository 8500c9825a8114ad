package dev.showdown.logparse.core;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The eight-bytes-at-a-time searches against the obvious byte loop, on random bytes rich in what they seek. */
class ByteScanTest {
  private static final byte[] ALPHABET = {'a', 'z', ' ', '~', 0x7F, '"', '\\', '\n', 0x1F, 0x00, (byte) 0x80, (byte) 0xFF, 0x20, '!'};

  @Test
  void agreesWithAPlainLoopOnRandomInput() {
    SplittableRandom random = new SplittableRandom(1);
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[random.nextInt(1, 40)];
      for (int i = 0; i < b.length; i++) {
        // Mostly plain letters, so that runs longer than eight bytes occur.
        b[i] = random.nextInt(4) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) ('a' + random.nextInt(26));
      }
      int from = random.nextInt(b.length);
      int to = random.nextInt(from, b.length + 1);

      int newline = -1;
      for (int i = from; i < to; i++) {
        if (b[i] == '\n') {
          newline = i;
          break;
        }
      }
      assertThat(ByteScan.indexOfNewline(b, from, to)).isEqualTo(newline);

      int stop = ByteScan.skipPlainStringBytes(b, from, to);
      assertThat(stop).isBetween(from, to);
      for (int i = from; i < stop; i++) {
        assertThat(isSpecial(b[i])).as("byte %d skipped", i).isFalse();
      }
      assertThat(stop == to || isSpecial(b[stop]) || stop > to - Long.BYTES).isTrue();
    }
  }

  private static boolean isSpecial(byte c) {
    return c == '"' || c == '\\' || (c & 0xFF) < 0x20 || (c & 0x80) != 0;
  }
}
