package dev.showdown.data;

import dev.showdown.kit.JsonResponses;
import io.vertx.core.http.HttpServerResponse;

/**
 * A dependency leg failed: the status and the fixed reason the client gets (502 for the upstream, 503 for
 * Redis). The reason never carries what the failure itself said: addresses, errno texts and upstream bytes
 * stay out of answers.
 */
final class DependencyFailure extends RuntimeException {
  static final DependencyFailure UPSTREAM_UNAVAILABLE = new DependencyFailure(502, "upstream unavailable");
  static final DependencyFailure UPSTREAM_TIMED_OUT = new DependencyFailure(502, "upstream timed out");
  static final DependencyFailure UPSTREAM_NOT_JSON =
      new DependencyFailure(502, "upstream answered a body that is not JSON");
  static final DependencyFailure UPSTREAM_TOO_LARGE =
      new DependencyFailure(502, "upstream body larger than " + Upstream.MAX_BODY + " bytes");
  static final DependencyFailure REDIS_UNAVAILABLE = new DependencyFailure(503, "redis unavailable");
  static final DependencyFailure REDIS_TIMED_OUT = new DependencyFailure(503, "redis timed out");

  private final int status;

  private DependencyFailure(int status, String reason) {
    // Expected under failure bursts: no stack trace to fill, log, or leak; immutable, so shared.
    super(reason, null, false, false);
    this.status = status;
  }

  static DependencyFailure upstreamAnswered(int upstreamStatus) {
    return new DependencyFailure(502, "upstream answered " + upstreamStatus);
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
