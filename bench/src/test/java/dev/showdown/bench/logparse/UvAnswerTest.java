package dev.showdown.bench.logparse;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UvAnswerTest {
  @Test
  void readsEveryAnswerLineAndSkipsJvmChatter() throws IOException {
    String output = "OpenJDK 64-Bit Server VM warning: something\n"
        + "{\"lines\":100000,\"uv\":20265,\"errors\":91,\"first_errors\":[{\"line\":1727,\"reason\":\"no top-level user_id\"}],\"elapsed_ms\":31.5}\n"
        + "{\"lines\":100000,\"uv\":20265,\"errors\":91,\"first_errors\":[],\"elapsed_ms\":29.25}\n";
    List<UvAnswer> answers = UvAnswer.parseLines(output);
    assertThat(answers).extracting(UvAnswer::elapsedMs).containsExactly(31.5, 29.25);
    assertThat(answers.get(0).sameCountAs(answers.get(1))).isTrue();
    assertThat(answers.get(0).sameCountAs(new UvAnswer(100000, 20264, 91, 1))).isFalse();
  }

  @Test
  void refusesWhatIsNotTheContractsAnswer() {
    assertThatThrownBy(() -> UvAnswer.parseLines("{\"error\":\"boom\"}")).hasMessageContaining("\"lines\"");
    assertThatThrownBy(() -> UvAnswer.parseLines("uv: cannot read x")).hasMessageContaining("no answer");
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(Medians.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    assertThat(Medians.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    assertThat(Medians.min(List.of(4.0, 1.5))).isEqualTo(1.5);
  }
}
