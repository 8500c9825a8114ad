package dev.showdown.bench.logparse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The contract's answer, {@code {"lines":N,"uv":N,"errors":N,"first_errors":[...],"elapsed_ms":N}}, as read back. */
record UvAnswer(long lines, long uv, long errors, double elapsedMs) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static UvAnswer parse(String json) throws IOException {
    JsonNode node = JSON.readTree(json);
    for (String field : List.of("lines", "uv", "errors", "elapsed_ms")) {
      if (node == null || !node.path(field).isNumber()) {
        throw new IOException("not the contract's answer (no number \"" + field + "\"): " + json);
      }
    }
    return new UvAnswer(node.get("lines").asLong(), node.get("uv").asLong(), node.get("errors").asLong(),
        node.get("elapsed_ms").asDouble());
  }

  /** One answer per line of output that is a JSON object; other lines (JVM warnings) are skipped. */
  static List<UvAnswer> parseLines(String output) throws IOException {
    List<UvAnswer> answers = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("{")) {
        answers.add(parse(line));
      }
    }
    if (answers.isEmpty()) {
      throw new IOException("no answer in the output: " + output);
    }
    return answers;
  }

  boolean sameCountAs(UvAnswer other) {
    return lines == other.lines && uv == other.uv && errors == other.errors;
  }
}
