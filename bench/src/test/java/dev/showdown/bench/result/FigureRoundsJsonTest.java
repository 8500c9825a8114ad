package dev.showdown.bench.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** results.json with rounds: {@code values} written only for several rounds, and files without it still read. */
class FigureRoundsJsonTest {
  @TempDir
  Path dir;

  @Test
  void aFileWrittenBeforeRoundsReadsAsOneRoundPerFigure() throws Exception {
    RunResult old = ResultsJson.read(Path.of(getClass().getResource("/report/results.json").toURI()));

    Figure qps = old.scenarios().get(0).measurements().get(0).figure(Figure.QPS).orElseThrow();
    assertThat(qps.value()).isEqualTo(84512.25);
    assertThat(qps.values()).isEmpty();
    assertThat(qps.rounds()).containsExactly(84512.25);
    assertThat(qps.spread().rounds()).isEqualTo(1);
  }

  @Test
  void valuesAreWrittenForSeveralRoundsOnlyAndReadBackInRoundOrder() throws Exception {
    Figure rounds = Figure.ofRounds(Figure.QPS, List.of(300.0, 100.0, 200.0), Figure.REQ_PER_S);
    Figure once = Figure.ofRounds(Figure.P99, List.of(4.5), Figure.MS);
    Path file = dir.resolve("results.json");
    ResultsJson.write(TestRuns.run("ping", TestRuns.ok("java-vertx", rounds, once)), file);

    JsonNode figures = new ObjectMapper().readTree(file.toFile()).at("/scenarios/0/measurements/0/figures");
    assertThat(figures.get(0).get("value").asDouble()).isEqualTo(200.0);
    assertThat(figures.get(0).get("values").toString()).isEqualTo("[300.0,100.0,200.0]");
    assertThat(figures.get(1).has("values")).as("one round writes no values array").isFalse();
    assertThat(figures.get(1).get("value").asDouble()).isEqualTo(4.5);

    List<Figure> back = ResultsJson.read(file).scenarios().get(0).measurements().get(0).figures();
    assertThat(back).containsExactly(rounds, once);
    assertThat(back.get(0).rounds()).containsExactly(300.0, 100.0, 200.0);
  }
}
