package dev.showdown.kit;

import java.util.Set;

/**
 * Bounds the label values that come from requests, so that no client can grow {@code /metrics} (and the heap) one
 * series per made-up value: a method outside the standard set becomes {@code OTHER}, a status code outside the
 * registered ones becomes its class ({@code 4xx}) or {@code other}.
 */
final class MetricLabels {
  static final String OTHER_METHOD = "OTHER";

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  /** The IANA HTTP status code registry's assigned codes. */
  private static final Set<Integer> CODES = Set.of(
      100, 101, 102, 103,
      200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
      300, 301, 302, 303, 304, 305, 307, 308,
      400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422, 423, 424,
      425, 426, 428, 429, 431, 451,
      500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511);

  private MetricLabels() {
  }

  static boolean isStandardMethod(String method) {
    return METHODS.contains(method);
  }

  static String method(String method) {
    return isStandardMethod(method) ? method : OTHER_METHOD;
  }

  static String code(String code) {
    long value = Digits.parseBounded(code, 999);
    if (CODES.contains((int) value)) {
      return code;
    }
    return value >= 100 && value <= 599 ? value / 100 + "xx" : "other";
  }
}
