package dev.showdown.data;

import dev.showdown.kit.JsonResponses;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /user/{id}}: the JSON stored at Redis {@code user:{id}}, passed through as stored, or 404. */
final class UserHandler implements Handler<RoutingContext> {
  private final RedisKeys redis;

  UserHandler(RedisKeys redis) {
    this.redis = redis;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    long id = ItemId.parse(ctx.pathParam("id"));
    if (id == ItemId.INVALID) {
      JsonResponses.error(response, 400, ItemId.RULE);
      return;
    }
    redis.get("user:" + id).onComplete(user -> {
      if (user.failed()) {
        DependencyFailure.respond(response, user.cause());
      } else if (user.result() == null) {
        JsonResponses.error(response, 404, "not found");
      } else {
        JsonResponses.ok(response, user.result().toBuffer());
      }
    });
  }
}
