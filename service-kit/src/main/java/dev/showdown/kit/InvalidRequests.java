package dev.showdown.kit;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Answers what the decoder could not read as a request (Vert.x's {@code invalidRequestHandler}): a JSON error
 * instead of Vert.x's empty body, then the connection closes, since nothing after a broken request can be trusted
 * to start where the next one does.
 */
final class InvalidRequests {
  private InvalidRequests() {
  }

  static void answer(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    HttpServerResponse response = request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    // The decoder's own messages quote the request's bytes, so the client is told a fixed reason instead.
    if (cause instanceof RejectedRequest rejected) {
      JsonResponses.error(response, rejected.status(), rejected.getMessage());
    } else if (cause instanceof TooLongHttpLineException) {
      JsonResponses.error(response, 414, "request line too long");
    } else if (cause instanceof TooLongHttpHeaderException) {
      JsonResponses.error(response, 431, "request headers too large");
    } else {
      JsonResponses.error(response, 400, "malformed request");
    }
    request.connection().close();
  }
}
