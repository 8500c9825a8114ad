package dev.showdown.logparse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showdown.kit.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

  /** Status 2 and one line on stderr that names the flag, and no stack trace, no usage text, nothing on stdout. */
  private static void refused(InProcessCli.Run run, String reason) {
    assertThat(run.status()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip()).contains(reason).doesNotContain("\n").doesNotContain("\tat ")
        .doesNotContain("--help");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void badUvArgumentsAreRefusedInOneLineWithStatus2() {
    refused(run("uv", "x", "--max-line", "12q"), "uv: '12q' is not a size");
    refused(run("uv", "x", "--max-line", "0"), "--max-line must be in 1..");
    refused(run("uv", "x", "--parser", "regex"), "--parser must be scanner or jackson");
    refused(run("uv", "x", "--threads"), "--threads needs a value");
    refused(run("uv", "x", "--threads", "-1"), "--threads must be an integer in 0..1024");
    refused(run("uv", "x", "--threads", "100000"), "--threads must be an integer in 0..1024");
    refused(run("uv", "--repeat=0", "x"), "--repeat must be an integer in 1..");
    refused(run("uv"), "FILE is missing");
    refused(run("gen", "--out"), "gen: Missing required parameter for option '--out'");
    refused(run("gen", "--lines", "-1", "--out", "x"), "gen: --lines must be at least 0, not -1");
  }

  @Test
  void badServiceFlagsAreRefusedInOneLineWithStatus2BeforeAnythingStarts() {
    refused(run("--max-line", "0"), "logparse-service: --max-line must be in 1..");
    refused(run("--max-line", "3g"), "--max-line must be in 1..");
    refused(run("--workers", "-1"),
        "logparse-service: Invalid value for option '--workers': -1 is not a worker count (expected 0..1024)");
    refused(run("--workers", "1025"),
        "logparse-service: Invalid value for option '--workers': 1025 is not a worker count (expected 0..1024)");
    refused(run("--workers", "many"),
        "logparse-service: Invalid value for option '--workers': 'many' is not a worker count (expected 0..1024)");
    refused(run("--max-body", "12q"), "'12q' is not a size");
    refused(run("--upload-memory", "100"), "--upload-memory must be 0 (a quarter of the heap) or at least");
    refused(run("--no-such-flag"), "Unknown option: '--no-such-flag'");
  }

  @Test
  void theJarExitsWith2OnABadFlag() throws Exception {
    try (ServiceProcess service = ServiceProcess.start(Main.class, List.of(), "--max-line", "0")) {
      assertThat(service.exitStatus()).isEqualTo(2);
      assertThat(service.stderr().strip()).startsWith("logparse-service: --max-line must be in 1..")
          .doesNotContain("\n");
      assertThat(service.stdout()).isEmpty();
    }
    try (ServiceProcess uv = ServiceProcess.start(Main.class, List.of(), "uv", "absent.ndjson", "--max-line", "0")) {
      assertThat(uv.exitStatus()).isEqualTo(2);
      assertThat(uv.stderr().strip()).startsWith("uv: --max-line must be in 1..").doesNotContain("\n");
      assertThat(uv.stdout()).isEmpty();
    }
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
