package dev.showdown.bench.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * results.csv: every figure of every measurement, one row per round (a figure measured once has round 1), for
 * spreadsheets and plotting tools. {@code measurement} numbers the measurements of a scenario from 1, which tells
 * apart several measurements of one implementation.
 */
public final class ResultsCsv {
  private static final CsvMapper MAPPER = new CsvMapper();
  private static final CsvSchema SCHEMA = MAPPER.schemaFor(Row.class).withHeader();

  private ResultsCsv() {
  }

  @JsonPropertyOrder({"scenario", "measurement", "implementation", "kind", "tool", "figure", "unit", "round", "value"})
  record Row(String scenario, int measurement, String implementation, String kind, String tool, String figure, String unit,
      int round, double value) {
  }

  public static void write(RunResult result, Path file) throws IOException {
    MAPPER.writer(SCHEMA).writeValue(file.toFile(), rows(result));
  }

  static List<Row> rows(RunResult result) {
    List<Row> rows = new ArrayList<>();
    for (ScenarioResult scenario : result.scenarios()) {
      for (int i = 0; i < scenario.measurements().size(); i++) {
        Measurement m = scenario.measurements().get(i);
        for (Figure f : m.figures()) {
          List<Double> rounds = f.rounds();
          for (int r = 0; r < rounds.size(); r++) {
            rows.add(new Row(scenario.name(), i + 1, m.implementation(), m.kind(), m.tool(), f.name(), f.unit(), r + 1,
                rounds.get(r)));
          }
        }
      }
    }
    return rows;
  }
}
