package dev.showdown.push;

import dev.showdown.kit.JsonResponses;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code POST /broadcast} with {@code Authorization: Bearer <token>}: pushes a message now, to this node's
 * connections or, through the Redis relay, to every node's.
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
    Tick tick = broadcaster.next();
    if (relay == null) {
      broadcaster.fanOut(tick);
      JsonResponses.ok(ctx.response(), Buffer.buffer("{\"seq\":" + tick.seq + ",\"connections\":" + stats.open() + "}"));
      return;
    }
    relay.publish(tick.message).onComplete(published -> {
      if (published.succeeded()) {
        JsonResponses.ok(ctx.response(), Buffer.buffer("{\"seq\":" + tick.seq + ",\"nodes\":" + published.result() + "}"));
      } else {
        JsonResponses.error(ctx.response(), 503, "redis unavailable");
      }
    });
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
