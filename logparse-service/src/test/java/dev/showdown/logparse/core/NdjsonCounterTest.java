package dev.showdown.logparse.core;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static dev.showdown.logparse.core.Counting.errorLines;
import static dev.showdown.logparse.core.Counting.errorVerdicts;
import static dev.showdown.logparse.core.Counting.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class NdjsonCounterTest {
  private static final byte[] LINES = utf8("{\"user_id\":\"a\"}\r\n\n{\"user_id\":\"b\u00e9\",\"x\":[1,{\"user_id\":\"c\"}]}\n"
      + "not json\n{\"user_id\":\"\\u0061\"}\n{\"user_id\":\"d\"}");

  @Test
  void everyCutOfTheInputGivesTheSameCount() {
    for (int cut1 = 0; cut1 <= LINES.length; cut1++) {
      for (int cut2 = cut1; cut2 <= LINES.length; cut2++) {
        NdjsonCounter counter = new NdjsonCounter(new JsonLineScanner(), 1 << 20);
        counter.feed(ByteBuffer.wrap(LINES, 0, cut1));
        counter.feed(ByteBuffer.wrap(LINES, cut1, cut2 - cut1));
        counter.feed(ByteBuffer.wrap(LINES, cut2, LINES.length - cut2));
        Tally tally = counter.finish();
        assertThat(tally.lines()).as("cut at %d and %d", cut1, cut2).isEqualTo(5);
        assertThat(tally.uniqueUsers()).as("cut at %d and %d", cut1, cut2).isEqualTo(3);
        assertThat(errorLines(tally)).as("cut at %d and %d", cut1, cut2).containsExactly(4L);
      }
    }
  }

  @Test
  void aLineOverTheLimitIsAnErrorAndTheNextLinesStillCount() {
    String longLine = "{\"user_id\":\"long\",\"pad\":\"" + "x".repeat(300) + "\"}";
    String exact = "{\"user_id\":\"" + "y".repeat(100 - 14) + "\"}";
    assertThat(exact).hasSize(100);
    byte[] input = utf8(longLine + "\n" + exact + "\n" + longLine + "\n{\"user_id\":\"z\"}\n" + longLine);
    for (int piece = 1; piece <= 64; piece *= 4) {
      NdjsonCounter counter = new NdjsonCounter(new JsonLineScanner(), 100);
      for (int at = 0; at < input.length; at += piece) {
        counter.feed(ByteBuffer.wrap(input, at, Math.min(piece, input.length - at)));
      }
      Tally tally = counter.finish();
      assertThat(tally.lines()).isEqualTo(5);
      assertThat(tally.uniqueUsers()).isEqualTo(2);
      assertThat(errorLines(tally)).containsExactly(1L, 3L, 5L);
      assertThat(errorVerdicts(tally)).containsOnly(LineVerdict.TOO_LONG);
    }
  }

  @Test
  void onlyTheFirstErrorsKeepTheirLineNumbersButAllAreCounted() {
    String input = "x\n".repeat(25) + "{\"user_id\":\"a\"}\n";
    NdjsonCounter counter = new NdjsonCounter(new JsonLineScanner(), 1 << 20);
    counter.feed(ByteBuffer.wrap(utf8(input)));
    Tally tally = counter.finish();
    assertThat(tally.errors()).isEqualTo(25);
    assertThat(tally.firstErrors()).hasSize(Tally.FIRST_ERRORS);
    assertThat(errorLines(tally)).startsWith(1L, 2L).endsWith(10L);
  }

  @Test
  void appendedTalliesNumberLinesAcrossTheWhole() {
    Tally first = count("{\"user_id\":\"a\"}\nbad\n\n");
    Tally second = count("bad\n{\"user_id\":\"a\"}\n{\"user_id\":\"b\"}\nbad");
    first.append(second);
    assertThat(first.lines()).isEqualTo(6);
    assertThat(first.uniqueUsers()).isEqualTo(2);
    assertThat(errorLines(first)).containsExactly(2L, 4L, 7L);
  }

  private static Tally count(String text) {
    NdjsonCounter counter = new NdjsonCounter(new JsonLineScanner(), 1 << 20);
    counter.feed(ByteBuffer.wrap(utf8(text)));
    return counter.finish();
  }
}
