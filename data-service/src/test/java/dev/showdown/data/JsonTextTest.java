package dev.showdown.data;

import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"a\":[1,2,{\"b\":null}]}", " [true] ", "\"text\"", "12.5", "null"})
  void oneJsonValueIsValid(String json) {
    assertThat(JsonText.isSingleValue(bytes(json), bytes(json).length)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "<html>", "{\"a\":1", "{\"a\":1}}", "{} {}", "{\"a\":NaN}", "[1,]", "nul"})
  void anythingElseIsNot(String text) {
    assertThat(JsonText.isSingleValue(bytes(text), bytes(text).length)).isFalse();
  }

  @Test
  void onlyTheGivenLengthIsRead() {
    assertThat(JsonText.isSingleValue(bytes("{}garbage"), 2)).isTrue();
  }

  @Test
  void quotesAsciiWithEscapes() {
    assertThat(new String(JsonText.quote(bytes("a\"b\\c\n\u0001")), StandardCharsets.UTF_8))
        .isEqualTo("\"a\\\"b\\\\c\\u000a\\u0001\"");
  }

  @Test
  void quotedTextDecodesBackToTheOriginal() {
    String original = "plain, \"quoted\", back\\slash, \t tab, ünïcødé ✓ 😀";

    String quoted = new String(JsonText.quote(bytes(original)), StandardCharsets.UTF_8);

    assertThat(new JsonArray("[" + quoted + "]").getString(0)).isEqualTo(original);
  }

  @Test
  void malformedUtf8BecomesTheReplacementCharacter() {
    byte[] broken = {'a', (byte) 0xC3, 'b'};

    String quoted = new String(JsonText.quote(broken), StandardCharsets.UTF_8);

    assertThat(new JsonArray("[" + quoted + "]").getString(0)).isEqualTo("a\uFFFDb");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
