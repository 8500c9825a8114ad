package dev.showdown.bench.verify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** What a response body must be by the contract: these exact bytes, this JSON value, or a JSON error object. */
public sealed interface BodyRule {
  ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The rule in words, as the expected side of a failed check. */
  String describe();

  /** Null when {@code body} keeps the rule, else where it first departs from it, in a few words. */
  String difference(byte[] body);

  static BodyRule exactly(String text) {
    return new Exactly(text);
  }

  /** One JSON value equal to {@code json}: key order and number spelling ({@code 1} or {@code 1.0}) aside. */
  static BodyRule json(String json) {
    return new Json(json, read(json), true);
  }

  /** A JSON object holding at least the fields of {@code json}, each equal as in {@link #json}. */
  static BodyRule jsonWith(String json) {
    return new Json(json, read(json), false);
  }

  /** A JSON object whose {@code error} is a non-blank string, as every contract error is. */
  static BodyRule jsonError() {
    return new JsonError();
  }

  private static JsonNode read(String json) {
    JsonNode node = parse(json.getBytes(StandardCharsets.UTF_8));
    if (node == null) {
      throw new IllegalArgumentException("not JSON: " + json);
    }
    return node;
  }

  /** Reads {@code body} as one JSON value; null when it is not one. */
  static JsonNode parse(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }

  record Exactly(String text) implements BodyRule {
    @Override
    public String describe() {
      return "exactly " + text;
    }

    @Override
    public String difference(byte[] body) {
      byte[] expected = text.getBytes(StandardCharsets.UTF_8);
      int at = 0;
      while (at < expected.length && at < body.length && expected[at] == body[at]) {
        at++;
      }
      if (at == expected.length && at == body.length) {
        return null;
      }
      return at == body.length ? "ends after " + at + " bytes" : at == expected.length
          ? "goes on after " + at + " bytes" : "differs at byte " + at;
    }
  }

  /** A JSON value equal to {@code expected}, or with {@code exact} false an object holding at least its fields. */
  record Json(String text, JsonNode expected, boolean exact) implements BodyRule {
    @Override
    public String describe() {
      return (exact ? "JSON " : "a JSON object with ") + text;
    }

    @Override
    public String difference(byte[] body) {
      JsonNode got = parse(body);
      if (exact) {
        return got == null ? "not one JSON value" : JsonDifference.first(expected, got);
      }
      return got == null || !got.isObject() ? "not a JSON object" : JsonDifference.firstOfFields(expected, got);
    }
  }

  record JsonError() implements BodyRule {
    @Override
    public String describe() {
      return "JSON {\"error\":\"<reason>\"}";
    }

    @Override
    public String difference(byte[] body) {
      JsonNode got = parse(body);
      boolean error = got != null && got.isObject() && got.path("error").isTextual() && !got.path("error").textValue().isBlank();
      return error ? null : "not a JSON object with a non-blank string \"error\"";
    }
  }
}
