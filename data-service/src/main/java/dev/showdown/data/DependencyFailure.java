package dev.showdown.data;

import dev.showdown.kit.JsonResponses;
import io.vertx.core.http.HttpServerResponse;

/** A dependency leg failed: the status and reason the client gets (502 for the upstream, 503 for Redis). */
final class DependencyFailure extends RuntimeException {
  private final int status;

  DependencyFailure(int status, String reason) {
    // Expected under failure bursts: no stack trace to fill, log, or leak.
    super(reason, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  /** Answers a failed request: the dependency's status and reason, or 500 for anything unforeseen. */
  static void respond(HttpServerResponse response, Throwable failure) {
    if (failure instanceof DependencyFailure dependency) {
      JsonResponses.error(response, dependency.status, dependency.getMessage());
    } else {
      JsonResponses.error(response, 500, "internal error");
    }
  }
}
