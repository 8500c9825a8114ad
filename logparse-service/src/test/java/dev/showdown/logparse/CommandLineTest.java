package dev.showdown.logparse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.showdown.logparse.InProcessCli.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The jar's {@code gen} and {@code uv} subcommands, run in-process on real files. */
class CommandLineTest {
  @TempDir
  Path dir;

  @Test
  void genThenUvPrintsTheContractJsonOncePerRun() throws IOException {
    Path file = dir.resolve("logs.ndjson");
    InProcessCli.Run gen = run("gen", "--lines", "3000", "--seed", "7", "--out", file.toString());
    assertThat(gen.status()).isZero();
    assertThat(gen.out()).contains("wrote 3000 lines");
    assertThat(Files.readAllLines(file)).hasSize(3000);

    InProcessCli.Run uv = run("uv", file.toString(), "--threads", "2", "--parser", "jackson", "--repeat", "3");
    assertThat(uv.status()).isZero();
    String[] lines = uv.out().strip().split("\n");
    assertThat(lines).hasSize(3);
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertThat(first.get("lines").asLong()).isEqualTo(3000);
    assertThat(first.get("uv").asLong()).isPositive();
    assertThat(first.get("elapsed_ms").asDouble()).isPositive();
    JsonNode scanner = new ObjectMapper().readTree(run("uv", file.toString()).out());
    assertThat(scanner.get("uv")).isEqualTo(first.get("uv"));
    assertThat(scanner.get("first_errors")).isEqualTo(first.get("first_errors"));
  }

  @Test
  void uvOnAMissingFileSaysSoAndExits1() {
    InProcessCli.Run uv = run("uv", dir.resolve("absent.ndjson").toString());
    assertThat(uv.status()).isEqualTo(1);
    assertThat(uv.err()).contains("cannot read").contains("absent.ndjson");
  }

  @Test
  void badSizesAreRefusedWithAUsageMessage() {
    InProcessCli.Run uv = run("uv", "x", "--max-line", "12q");
    assertThat(uv.status()).isEqualTo(2);
    assertThat(uv.err()).contains("'12q' is not a size").contains("Usage: logparse-service uv FILE");
    assertThat(run("uv", "x", "--parser", "regex").err()).contains("--parser must be scanner or jackson");
    assertThat(run("uv", "x", "--threads").err()).contains("--threads needs a value");
    assertThat(run("uv", "--repeat=0", "x").status()).isEqualTo(2);
    assertThat(run("uv").err()).contains("FILE is missing");
    assertThat(run("gen", "--out").status()).isEqualTo(2);
  }

  @Test
  void helpIsAnAnswerNotAnError() {
    InProcessCli.Run uv = run("uv", "--help");
    assertThat(uv.status()).isZero();
    assertThat(uv.out()).contains("--threads N");
    InProcessCli.Run top = run("--help");
    assertThat(top.status()).isZero();
    assertThat(top.out()).contains("--max-body", "gen", "uv FILE");
  }
}
