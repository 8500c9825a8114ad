package dev.showdown.bench.verify;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonDifferenceTest {

  @Test
  void equalValuesHaveNoDifferenceWhateverTheKeyOrderOrNumberSpelling() {
    assertThat(diff("{\"a\":1,\"b\":[1.0,\"x\"]}", "{\"b\":[1,\"x\"],\"a\":1.00}")).isNull();
  }

  @Test
  void theFirstDifferenceIsNamedByItsPath() {
    assertThat(diff("{\"api\":{\"id\":1},\"cache\":\"cached-1\"}", "{\"api\":{\"id\":1},\"cache\":\"cached-2\"}"))
        .isEqualTo("at /cache: \"cached-2\" instead of \"cached-1\"");
    assertThat(diff("{\"api\":{\"id\":1}}", "{\"api\":{\"id\":2}}")).isEqualTo("at /api/id: 2 instead of 1");
    assertThat(diff("[1,2]", "[1]")).isEqualTo("at /: 1 elements instead of 2");
  }

  @Test
  void missingAndExtraFieldsAreDifferences() {
    assertThat(diff("{\"result\":55}", "{}")).isEqualTo("at /result: missing (expected 55)");
    assertThat(diff("{\"result\":55}", "{\"result\":55,\"n\":10}")).isEqualTo("at /n: not in the contract (10)");
  }

  @Test
  void aRuleForSomeFieldsAllowsOthers() {
    BodyRule rule = BodyRule.jsonWith("{\"lines\":3,\"uv\":2}");
    assertThat(rule.difference(bytes("{\"lines\":3,\"uv\":2,\"elapsed_ms\":0.5}"))).isNull();
    assertThat(rule.difference(bytes("{\"lines\":3,\"uv\":1}"))).isEqualTo("at /uv: 1 instead of 2");
  }

  @Test
  void exactBytesNameWhereTheyPart() {
    BodyRule rule = BodyRule.exactly("{\"message\":\"pong\"}");
    assertThat(rule.difference(bytes("{\"message\":\"pong\"}"))).isNull();
    assertThat(rule.difference(bytes("{\"message\": \"pong\"}"))).isEqualTo("differs at byte 11");
    assertThat(rule.difference(bytes("{\"message\":\"pong\"}\n"))).isEqualTo("goes on after 18 bytes");
  }

  @Test
  void checksCutLongTextsAndEscapeControls() {
    Check check = Check.fail("x", "a", "line\n" + "y".repeat(500));
    assertThat(check.got()).startsWith("line\\nyyy").endsWith("... (505 chars)").hasSizeLessThan(Check.MAX_TEXT + 30);
  }

  private static String diff(String expected, String got) {
    return JsonDifference.first(BodyRule.parse(bytes(expected)), BodyRule.parse(bytes(got)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
