package dev.showdown.kit;

import java.util.List;
import java.util.Locale;

/**
 * The rules of RFC 9112 on a request's {@code Host} and body framing that Netty's decoder leaves to the server:
 * exactly one {@code Host} in HTTP/1.1 (section 3.2), and no request whose body length two parties could read
 * differently, a smuggling vector (section 6): {@code Transfer-Encoding} beside {@code Content-Length}, in HTTP/1.0,
 * or not ending in {@code chunked}.
 */
final class RequestFraming {
  private RequestFraming() {
  }

  /**
   * The refusal for a request with these header fields, or {@code null} if it may proceed.
   *
   * @param transferCodings every coding named by its {@code Transfer-Encoding} fields, in order; empty if none
   */
  static RejectedRequest check(boolean http10, int hostFields, boolean contentLength, List<String> transferCodings) {
    if (hostFields > 1) {
      return new RejectedRequest(400, "more than one Host header");
    }
    if (hostFields == 0 && !http10) {
      return new RejectedRequest(400, "missing Host header");
    }
    if (transferCodings.isEmpty()) {
      return null;
    }
    if (http10) {
      return new RejectedRequest(400, "Transfer-Encoding in an HTTP/1.0 request");
    }
    if (contentLength) {
      return new RejectedRequest(400, "both Content-Length and Transfer-Encoding");
    }
    int last = transferCodings.size() - 1;
    if (!isChunked(transferCodings.get(last))) {
      return new RejectedRequest(400, "Transfer-Encoding must end in chunked");
    }
    for (int i = 0; i < last; i++) {
      if (isChunked(transferCodings.get(i))) {
        return new RejectedRequest(400, "chunked applied more than once");
      }
    }
    // Netty decodes chunked only: a body under another coding would reach the service still encoded.
    return last == 0 ? null : new RejectedRequest(501, "unsupported transfer coding");
  }

  /** Splits {@code Transfer-Encoding} field values ({@code "gzip, chunked"}) into codings. */
  static List<String> codings(List<String> fieldValues) {
    return fieldValues.stream()
        .flatMap(value -> List.of(value.split(",", -1)).stream())
        .map(coding -> coding.trim().toLowerCase(Locale.ROOT))
        .toList();
  }

  private static boolean isChunked(String coding) {
    return coding.equals("chunked");
  }
}
