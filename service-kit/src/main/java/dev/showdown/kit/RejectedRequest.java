package dev.showdown.kit;

/**
 * Why the kit refuses a request before any route sees it, with the status and the reason the client is told. The
 * reason is a fixed text, never a fragment of the request.
 */
final class RejectedRequest extends RuntimeException {
  private final int status;

  RejectedRequest(int status, String reason) {
    // Thrown for what a client sends, so cheap: no stack trace to fill.
    super(reason, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
