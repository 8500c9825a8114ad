package dev.showdown.kit;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * A route handler to put before one that calls {@code toWebSocket()}: a request that is not a valid WebSocket
 * opening handshake is answered with the contract's JSON error (400, 405, or 426 naming the supported version)
 * instead of Vert.x's plain-text or empty refusal; a valid one goes on to the next handler. Mount it as
 * {@code router.get("/push").handler(WebSocketHandshakes::validate).handler(endpoint)}.
 */
public final class WebSocketHandshakes {
  private WebSocketHandshakes() {
  }

  public static void validate(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    HandshakeCheck.Refusal refusal = HandshakeCheck.refusal(request.method().name(),
        request.getHeader(HttpHeaders.UPGRADE), request.getHeader(HttpHeaders.CONNECTION),
        request.getHeader(HttpHeaderNames.SEC_WEBSOCKET_KEY), request.getHeader(HttpHeaderNames.SEC_WEBSOCKET_VERSION));
    if (refusal == null) {
      ctx.next();
      return;
    }
    if (refusal.status() == 426) {
      ctx.response().putHeader(HttpHeaderNames.SEC_WEBSOCKET_VERSION, HandshakeCheck.VERSION);
    }
    JsonResponses.error(ctx.response(), refusal.status(), refusal.reason());
  }
}
