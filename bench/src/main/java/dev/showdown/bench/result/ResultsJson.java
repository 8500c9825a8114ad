package dev.showdown.bench.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** results.json: snake_case keys, one figure per object with its unit, readable back for the reports and tests. */
public final class ResultsJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ResultsJson() {
  }

  public static void write(RunResult result, Path file) throws IOException {
    MAPPER.writeValue(file.toFile(), result);
  }

  public static RunResult read(Path file) throws IOException {
    return MAPPER.readValue(file.toFile(), RunResult.class);
  }

  /**
   * {@code result} with the credentials of every URL in any of its texts hidden ({@link Credentials}): what the
   * files of a run hold, whichever part (a child's command line, a failure's reason, a note) carried the URL.
   */
  public static RunResult masked(RunResult result) {
    try {
      return MAPPER.treeToValue(masked(MAPPER.valueToTree(result)), RunResult.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot read back the masked results", e);
    }
  }

  private static JsonNode masked(JsonNode node) {
    if (node.isTextual()) {
      return TextNode.valueOf(Credentials.mask(node.textValue()));
    }
    if (node instanceof ObjectNode object) {
      object.properties().forEach(field -> field.setValue(masked(field.getValue())));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, masked(array.get(i)));
      }
    }
    return node;
  }
}
