package dev.showdown.logparse.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The standard 100,000-line file against an independent reference count made with plain Jackson databind. */
class GeneratedLogTest {
  /** The exact answer for the standard file (seed 42, 100,000 lines): the figure docs/contract.md records. */
  static final int STANDARD_UV = 20265;
  static final long STANDARD_ERRORS = 91;

  @TempDir
  static Path dir;
  static Path file;
  static Reference reference;

  record Reference(long lines, Set<String> users, long errors) {
  }

  @BeforeAll
  static void generate() throws IOException {
    file = dir.resolve("logs.ndjson");
    try (OutputStream out = Files.newOutputStream(file)) {
      new LogGenerator(42).write(100_000, out);
    }
    reference = referenceCount(file);
  }

  /** Only databind's readTree and the contract's words: a string id, or an integer by its decimal text. */
  private static Reference referenceCount(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Set<String> users = new HashSet<>();
    long lines = 0;
    long errors = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines++;
        JsonNode id = mapper.readTree(line).get("user_id");
        if (id != null && id.isTextual()) {
          users.add(id.textValue());
        } else if (id != null && id.isIntegralNumber()) {
          users.add(id.bigIntegerValue().toString());
        } else {
          errors++;
        }
      }
    }
    return new Reference(lines, users, errors);
  }

  @Test
  void referenceFindsTheRecordedAnswer() {
    assertThat(reference.lines()).isEqualTo(100_000);
    assertThat(reference.users()).hasSize(STANDARD_UV);
    assertThat(reference.errors()).isEqualTo(STANDARD_ERRORS);
  }

  @ParameterizedTest
  @EnumSource(ParserKind.class)
  void everyParserMatchesTheReferenceOnOneAndTwoThreads(ParserKind parser) throws IOException {
    for (int threads = 1; threads <= 2; threads++) {
      Tally tally = new FileCounter(parser.factory(), threads, 1 << 20).count(file);
      assertThat(tally.lines()).isEqualTo(reference.lines());
      assertThat(tally.errors()).isEqualTo(reference.errors());
      assertThat(tally.uniqueUsers()).isEqualTo(reference.users().size());
      for (String user : reference.users()) {
        assertThat(tally.users().contains(user.getBytes(StandardCharsets.UTF_8))).as(user).isTrue();
      }
    }
  }

  @Test
  void theFileHoldsWhatTheScenarioPromises() throws IOException {
    String text = Files.readString(file);
    assertThat(Files.size(file) / 100_000.0).isBetween(450.0, 600.0);
    assertThat(text).contains("\"user_id\":\"\\u0075", "\\\"q\"", "\\\\b\"", "\"user_id\":10", "\ud83d\ude00",
        "{\"user_id\":\"svc-", "\"mentions\":[{\"user_id\":");
  }

  @Test
  void sameSeedSameBytesAndAnotherSeedOthers() throws IOException, NoSuchAlgorithmException {
    assertThat(sha256(42, 2_000)).isEqualTo(sha256(42, 2_000)).isNotEqualTo(sha256(43, 2_000));
    // Pinned: a change to the generator changes the standard file, and this line must be updated with it.
    assertThat(sha256(42, 1_000)).isEqualTo("720616be946c2a25c842eb802f59a0ddaf7298acbafeff5cdf47270186c64a94");
  }

  private static String sha256(long seed, int lines) throws IOException, NoSuchAlgorithmException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new LogGenerator(seed).write(lines, out);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
  }
}
