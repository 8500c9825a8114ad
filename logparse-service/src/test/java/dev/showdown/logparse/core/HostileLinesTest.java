package dev.showdown.logparse.core;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import static dev.showdown.logparse.core.Counting.countFile;
import static dev.showdown.logparse.core.Counting.errorLines;
import static dev.showdown.logparse.core.Counting.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-written hostile files, counted by every parser, on one thread and on two (which splits the file). */
class HostileLinesTest {
  private static final int MAX_LINE = 1 << 20;

  @TempDir
  Path dir;

  private Tally count(String content, ParserKind parser, int threads) {
    return countFile(dir, utf8(content), parser, threads, MAX_LINE);
  }

  private Tally count(byte[] content, ParserKind parser) {
    return countFile(dir, content, parser, 1, MAX_LINE);
  }

  @ParameterizedTest
  @EnumSource(ParserKind.class)
  void idsThatDifferOnlyInEscapingAreOneUser(ParserKind parser) {
    String lines = String.join("\n",
        "{\"user_id\":\"u1\"}",
        "{\"user_id\":\"u\\u0031\"}",
        "{\"user_id\":\"\\u0075\\u0031\"}",
        "{\"user\\u005fid\":\"u1\"}",
        "{\"user_id\":\"a\\\"b\"}",
        "{\"user_id\":\"a\\u0022b\"}",
        "{\"user_id\":\"a\\\\b\"}",
        "{\"user_id\":\"a\\u005Cb\"}",
        "{\"user_id\":\"a\\/b\"}",
        "{\"user_id\":\"a/b\"}",
        "{\"user_id\":\"\u00fc\"}",
        "{\"user_id\":\"\\u00fc\"}",
        "{\"user_id\":\"\ud83d\ude00\"}",
        "{\"user_id\":\"\\ud83d\\ude00\"}",
        "{\"user_id\":\"\\uD83D\\uDE00\"}",
        "{\"user_id\":\"tab\\there\"}",
        "{\"user_id\":\"tab\\u0009here\"}") + "\n";
    for (int threads = 1; threads <= 2; threads++) {
      Tally tally = count(lines, parser, threads);
      assertThat(tally.lines()).isEqualTo(17);
      assertThat(tally.errors()).isZero();
      // u1, a"b, a\b, a/b, ü, 😀, tab<TAB>here
      assertThat(tally.uniqueUsers()).isEqualTo(7);
      assertThat(tally.users().contains(utf8("a\"b"))).isTrue();
      assertThat(tally.users().contains(utf8("\ud83d\ude00"))).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(ParserKind.class)
  void loneEscapedSurrogatesAreUsersOfTheirOwn(ParserKind parser) {
    Tally tally = count("{\"user_id\":\"\\ud800\"}\n{\"user_id\":\"\\udc00\"}\n{\"user_id\":\"\\ud800\\udc00\"}\n"
        + "{\"user_id\":\"\\ud800\"}\n", parser, 1);
    assertThat(tally.errors()).isZero();
    assertThat(tally.uniqueUsers()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(ParserKind.class)
  void whitespaceAnywhereJsonAllowsItCrlfAndBlankLines(ParserKind parser) {
    String lines = "  {  \"user_id\"  :  \"a\"  ,  \"x\" : [ 1 , { } , [ ] ] }  \r\n"
        + "\r\n"
        + "\n"
        + " \t \n"
        + "{\t\"user_id\"\t:\t\"b\"\t}\r\n"
        + "{\"x\":{ \"user_id\" : \"nested\" }}\n"
        + "{\"user_id\":\"c\"}"; // no final newline
    for (int threads = 1; threads <= 2; threads++) {
      Tally tally = count(lines, parser, threads);
      assertThat(tally.lines()).isEqualTo(4);
      assertThat(tally.uniqueUsers()).isEqualTo(3);
      assertThat(tally.errors()).isEqualTo(1);
      // Line numbers count the blank lines too: what an editor shows.
      assertThat(errorLines(tally)).containsExactly(6L);
    }
  }

  @ParameterizedTest
  @EnumSource(ParserKind.class)
  void integerIdsCountByTheirDecimalText(ParserKind parser) {
    Tally tally = count("{\"user_id\":42}\n{\"user_id\":\"42\"}\n{\"user_id\":-7}\n{\"user_id\":0}\n{\"user_id\":-0}\n"
        + "{\"user_id\":123456789012345678901234567890}\n"
        + "{\"user_id\":4.2}\n{\"user_id\":1e3}\n{\"user_id\":01}\n{\"user_id\":-}\n", parser, 1);
    assertThat(tally.lines()).isEqualTo(10);
    assertThat(tally.uniqueUsers()).isEqualTo(4); // 42, -7, 0, the long one
    assertThat(errorLines(tally)).containsExactly(7L, 8L, 9L, 10L);
    if (parser == ParserKind.SCANNER) {
      assertThat(Counting.errorVerdicts(tally)).containsExactly(LineVerdict.BAD_USER_ID, LineVerdict.BAD_USER_ID,
          LineVerdict.INVALID_JSON, LineVerdict.INVALID_JSON);
    }
  }

  @ParameterizedTest
  @EnumSource(ParserKind.class)
  void theLastOfDuplicateKeysWins(ParserKind parser) {
    Tally tally = count("{\"user_id\":\"first\",\"user_id\":\"last\"}\n"
        + "{\"user_id\":\"kept\",\"x\":{\"user_id\":\"inner\"}}\n"
        + "{\"user_id\":\"gone\",\"user_id\":null}\n", parser, 1);
    assertThat(tally.uniqueUsers()).isEqualTo(2);
    assertThat(tally.users().contains(utf8("last"))).isTrue();
    assertThat(tally.users().contains(utf8("first"))).isFalse();
    assertThat(tally.users().contains(utf8("inner"))).isFalse();
    assertThat(errorLines(tally)).containsExactly(3L);
  }

  @ParameterizedTest
  @EnumSource(ParserKind.class)
  void onlyTheTopLevelUserIdCounts(ParserKind parser) {
    Tally tally = count("{\"ctx\":{\"user_id\":\"x\"}}\n{\"a\":[{\"user_id\":\"y\"}]}\n{}\n"
        + "{\"user_id\":true}\n{\"user_id\":{\"id\":\"z\"}}\n{\"user_id\":[\"w\"]}\n{\"user_id\":null}\n"
        + "{\"USER_ID\":\"v\"}\n{\"user_id \":\"v\"}\n", parser, 1);
    assertThat(tally.lines()).isEqualTo(9);
    assertThat(tally.uniqueUsers()).isZero();
    assertThat(tally.errors()).isEqualTo(9);
    if (parser == ParserKind.SCANNER) {
      assertThat(Counting.errorVerdicts(tally)).containsExactly(
          LineVerdict.NO_USER_ID, LineVerdict.NO_USER_ID, LineVerdict.NO_USER_ID,
          LineVerdict.BAD_USER_ID, LineVerdict.BAD_USER_ID, LineVerdict.BAD_USER_ID, LineVerdict.BAD_USER_ID,
          LineVerdict.NO_USER_ID, LineVerdict.NO_USER_ID);
    }
  }

  @ParameterizedTest
  @EnumSource(ParserKind.class)
  void brokenLinesAreErrorsWithTheirNumbersAndNeverStopTheCount(ParserKind parser) {
    String[] broken = {
        "[1,2]", "\"u1\"", "42", "null",
        "{\"user_id\":\"u1\"", "{\"user_id\":\"u1", "{\"user_id\":", "{\"user_id\"", "{\"user_id\":\"u1\",\"x\":{\"y\":[1,",
        "{\"user_id\":\"u1\"} x", "{\"user_id\":\"u1\"}{}", "{\"user_id\":\"u1\",}", "{\"user_id\" \"u1\"}",
        "{'user_id':'u1'}", "{\"user_id\":\"u1\",\"x\":tru}", "{\"user_id\":\"u1\",\"x\":[1 2]}",
        "{\"user_id\":\"a\\x\"}", "{\"user_id\":\"\\u12G4\"}", "{\"user_id\":\"raw\ttab\"}",
        "{\"user_id\":\"u1\",\"x\":[}", "{\"user_id\":\"u1\",\"x\":{\"a\"}}", "{\"user_id\":\"u1\",\"x\":NaN}",
    };
    StringBuilder lines = new StringBuilder();
    for (String line : broken) {
      lines.append(line).append('\n').append("{\"user_id\":\"ok").append(lines.length()).append("\"}\n");
    }
    for (int threads = 1; threads <= 2; threads++) {
      Tally tally = count(lines.toString(), parser, threads);
      assertThat(tally.lines()).isEqualTo(2L * broken.length);
      assertThat(tally.errors()).isEqualTo(broken.length);
      assertThat(tally.uniqueUsers()).isEqualTo(broken.length);
      assertThat(errorLines(tally)).containsExactly(1L, 3L, 5L, 7L, 9L, 11L, 13L, 15L, 17L, 19L);
    }
  }

  @ParameterizedTest
  @EnumSource(ParserKind.class)
  void invalidUtf8IsAnErrorWhereverItIs(ParserKind parser) {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    byte[][] bad = {
        {(byte) 0xFF}, {(byte) 0xC3, '('}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80},
    };
    for (byte[] sequence : bad) {
      file.writeBytes(utf8("{\"user_id\":\"u"));
      file.writeBytes(sequence);
      file.writeBytes(utf8("\"}\n{\"user_id\":\"ok\",\"msg\":\"x"));
      file.writeBytes(sequence);
      file.writeBytes(utf8("\"}\n"));
    }
    file.writeBytes(utf8("{\"user_id\":\"valid \u00e9\u20ac\ud83d\ude00\"}\n"));
    Tally tally = count(file.toByteArray(), parser);
    assertThat(tally.lines()).isEqualTo(9);
    assertThat(tally.errors()).isEqualTo(8);
    assertThat(tally.uniqueUsers()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(ParserKind.class)
  void nestingIsLimitedAtJacksonsDefaultDepth(ParserKind parser) {
    int inner = UserIdParser.MAX_DEPTH - 1;
    String deepest = "{\"x\":" + "[".repeat(inner) + "]".repeat(inner) + ",\"user_id\":\"deep\"}\n";
    String tooDeep = "{\"x\":" + "[".repeat(inner + 1) + "]".repeat(inner + 1) + ",\"user_id\":\"deeper\"}\n";
    Tally tally = count(deepest + tooDeep, parser, 1);
    assertThat(tally.uniqueUsers()).isEqualTo(1);
    assertThat(errorLines(tally)).containsExactly(2L);
  }
}
