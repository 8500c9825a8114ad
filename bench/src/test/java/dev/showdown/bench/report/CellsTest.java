package dev.showdown.bench.report;

import dev.showdown.bench.result.Figure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CellsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0.01234 | s  | 0.012",
      "0.0567  | s  | 0.057",
      "0.25    | s  | 0.25",
      "15.25   | ms | 15.3",
      "0.5     | MB | 0.5",
      "0       | s  | 0",
  })
  void smallFiguresKeepTwoSignificantDigits(double value, String unit, String shown) {
    assertThat(Cells.number(value, unit)).isEqualTo(shown);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"0.0123 | 0.0101 | 0.0150 | 0.012 (0.010–0.015)"})
  void roundsOfSmallFiguresShowTheirSpreadReadably(double a, double b, double c, String shown) {
    assertThat(Cells.value(Figure.ofRounds(Figure.CPU_PER_1K, java.util.List.of(a, b, c), Figure.S))).isEqualTo(shown);
  }
}
