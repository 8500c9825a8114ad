package dev.showdown.data;

import dev.showdown.kit.JsonResponses;
import io.vertx.core.http.HttpServerResponse;

/** {@code GET /user/{id}}: the JSON stored at Redis {@code user:{id}}, passed through as stored, or 404. */
final class UserHandler extends IdHandler {
  private final RedisValueReader redis;

  UserHandler(RedisValueReader redis) {
    this.redis = redis;
  }

  @Override
  void handle(long id, HttpServerResponse response) {
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
