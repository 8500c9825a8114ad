package dev.showdown.push;

import dev.showdown.kit.JsonResponses;
import dev.showdown.push.core.EncodedPush;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code POST /broadcast} with {@code Authorization: Bearer <token>}: pushes a message now, to this node's
 * connections and, through the Redis relay, to every subscribed node's.
 */
final class BroadcastEndpoint {
  private static final String SCHEME = "Bearer";

  private final byte[] token;
  private final Broadcaster broadcaster;
  private final RedisRelay relay;
  private final PushStats stats;

  BroadcastEndpoint(String token, Broadcaster broadcaster, RedisRelay relay, PushStats stats) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.broadcaster = broadcaster;
    this.relay = relay;
    this.stats = stats;
  }

  void handle(RoutingContext ctx) {
    if (!authorized(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      JsonResponses.error(ctx.response(), 401, "missing or wrong bearer token");
      return;
    }
    EncodedPush push = broadcaster.next();
    // This node's connections get the push whatever Redis does with it; the relay skips its echo.
    broadcaster.fanOut(push);
    if (relay == null) {
      JsonResponses.ok(ctx.response(), Buffer.buffer("{\"seq\":" + push.seq() + ",\"connections\":" + stats.open() + "}"));
      return;
    }
    relay.publish(push.message()).onComplete(published -> {
      if (published.failed()) {
        onlyHere(ctx, push, "redis unavailable");
      } else if (published.result() == 0) {
        onlyHere(ctx, push, "no node is subscribed to the relay");
      } else {
        JsonResponses.ok(ctx.response(), Buffer.buffer("{\"seq\":" + push.seq() + ",\"nodes\":" + published.result()
            + ",\"connections\":" + stats.open() + "}"));
      }
    });
  }

  /** A broadcast no other node can have received is no success, though this node's connections got it. */
  private void onlyHere(RoutingContext ctx, EncodedPush push, String reason) {
    JsonObject body = new JsonObject()
        .put("error", reason + "; pushed to this node's connections only")
        .put("seq", push.seq())
        .put("nodes", 0)
        .put("connections", stats.open());
    JsonResponses.send(ctx.response(), 503, body.toBuffer());
  }

  /** RFC 9110 11.4: the scheme in any case, one or more spaces, then the token. */
  private boolean authorized(String header) {
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return false;
    }
    int tokenStart = SCHEME.length();
    while (tokenStart < header.length() && header.charAt(tokenStart) == ' ') {
      tokenStart++;
    }
    if (tokenStart == SCHEME.length()) {
      return false;
    }
    // Constant time, so the answer's timing does not reveal how much of a guess was right.
    return MessageDigest.isEqual(token, header.substring(tokenStart).getBytes(StandardCharsets.UTF_8));
  }
}
