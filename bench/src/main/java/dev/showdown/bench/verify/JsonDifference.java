package dev.showdown.bench.verify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * The first place two JSON values differ, as a JSON pointer and both sides: {@code at /cache: "cached-2" instead
 * of "cached-1"}. Key order does not count; numbers are compared by value ({@code 1} equals {@code 1.0}).
 */
final class JsonDifference {
  private JsonDifference() {
  }

  /** Null when {@code got} equals {@code expected}. */
  static String first(JsonNode expected, JsonNode got) {
    return first(expected, got, "", true);
  }

  /** As {@link #first}, but {@code got} may hold fields {@code expected} does not name (at the top level). */
  static String firstOfFields(JsonNode expected, JsonNode got) {
    return first(expected, got, "", false);
  }

  private static String first(JsonNode expected, JsonNode got, String at, boolean exact) {
    if (expected.isNumber() && got.isNumber()) {
      return expected.decimalValue().compareTo(got.decimalValue()) == 0 ? null : differ(at, expected, got);
    }
    if (expected.isObject() && got.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String path = at + "/" + field.getKey();
        if (!got.has(field.getKey())) {
          return "at " + path + ": missing (expected " + field.getValue() + ")";
        }
        String inner = first(field.getValue(), got.get(field.getKey()), path, true);
        if (inner != null) {
          return inner;
        }
      }
      if (exact) {
        for (Iterator<String> names = got.fieldNames(); names.hasNext(); ) {
          String name = names.next();
          if (!expected.has(name)) {
            return "at " + at + "/" + name + ": not in the contract (" + got.get(name) + ")";
          }
        }
      }
      return null;
    }
    if (expected.isArray() && got.isArray()) {
      for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
        String inner = first(expected.get(i), got.get(i), at + "/" + i, true);
        if (inner != null) {
          return inner;
        }
      }
      return expected.size() == got.size() ? null
          : "at " + (at.isEmpty() ? "/" : at) + ": " + got.size() + " elements instead of " + expected.size();
    }
    return expected.equals(got) ? null : differ(at, expected, got);
  }

  private static String differ(String at, JsonNode expected, JsonNode got) {
    return "at " + (at.isEmpty() ? "/" : at) + ": " + got + " instead of " + expected;
  }
}
