package dev.showdown.kit;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** Writes JSON answers, including the contract's error shape {@code {"error": "<reason>"}}. */
public final class JsonResponses {
  public static final CharSequence CONTENT_TYPE = HttpHeaders.CONTENT_TYPE;
  public static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");

  private JsonResponses() {
  }

  public static void ok(HttpServerResponse response, Buffer json) {
    send(response, 200, json);
  }

  public static void send(HttpServerResponse response, int status, Buffer json) {
    response.setStatusCode(status).putHeader(CONTENT_TYPE, APPLICATION_JSON).end(json);
  }

  /** Ends the response with {@code status} and {@code {"error": reason}}, unless it has already ended. */
  public static void error(HttpServerResponse response, int status, String reason) {
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      // The status is on the wire already: all that is left is to cut the body short.
      response.reset();
      return;
    }
    MultiMap headers = response.headers();
    headers.remove(HttpHeaders.CONTENT_LENGTH);
    send(response, status, new JsonObject().put("error", reason).toBuffer());
  }
}
