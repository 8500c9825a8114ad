package dev.showdown.logparse.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

import static dev.showdown.logparse.core.Counting.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** The scanner rejects what RFC 3629 forbids, beyond what the parsers agree on: overlong forms, surrogates. */
class StrictUtf8Test {
  @ParameterizedTest
  @ValueSource(strings = {"c0af", "e080af", "eda080", "edbfbf", "f08080af", "f4908080", "f5808080", "c2", "f09f98"})
  void rejects(String hex) {
    assertThat(parse(HexFormat.of().parseHex(hex))).isEqualTo(LineVerdict.INVALID_UTF8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"c280", "dfbf", "e0a080", "ed9fbf", "ee8080", "efbfbf", "f0908080", "f48fbfbf"})
  void accepts(String hex) {
    assertThat(parse(HexFormat.of().parseHex(hex))).isEqualTo(LineVerdict.COUNTED);
  }

  private static LineVerdict parse(byte[] sequence) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    line.writeBytes(utf8("{\"user_id\":\"u"));
    line.writeBytes(sequence);
    line.writeBytes(utf8("\"}"));
    byte[] bytes = line.toByteArray();
    return new JsonLineScanner().parse(bytes, 0, bytes.length, new UserSet());
  }
}
