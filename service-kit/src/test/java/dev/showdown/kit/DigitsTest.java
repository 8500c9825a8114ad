package dev.showdown.kit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DigitsTest {

  @Test
  void readsPlainDecimalDigits() {
    assertThat(Digits.parseBounded("0", 40)).isZero();
    assertThat(Digits.parseBounded("35", 40)).isEqualTo(35);
    assertThat(Digits.parseBounded("040", 40)).isEqualTo(40);
    assertThat(Digits.parseBounded("9223372036854775807", Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " 5", "5 ", "+5", "-5", "5.0", "0x10", "1e3", "1_000", "abc", "٣", "５",
      "41", "99999999999999999999", "9223372036854775808", "00000000000000000041"})
  void refusesAnythingElse(String text) {
    assertThat(Digits.parseBounded(text, 40)).isEqualTo(Digits.INVALID);
  }

  @Test
  void refusesOverflowAtTheLongBoundary() {
    assertThat(Digits.parseBounded("9223372036854775808", Long.MAX_VALUE)).isEqualTo(Digits.INVALID);
    assertThat(Digits.parseBounded("18446744073709551616", Long.MAX_VALUE)).isEqualTo(Digits.INVALID);
  }
}
