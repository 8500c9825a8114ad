package dev.showdown.data;

import dev.showdown.kit.JsonResponses;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** A route on {@code {id}}: a bad id is answered 400 here, before any dependency is asked. */
abstract class IdHandler implements Handler<RoutingContext> {

  @Override
  public final void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    long id = ItemId.parse(ctx.pathParam("id"));
    if (id == ItemId.INVALID) {
      JsonResponses.error(response, 400, ItemId.RULE);
    } else {
      handle(id, response);
    }
  }

  /** Answers for a valid {@code id}. */
  abstract void handle(long id, HttpServerResponse response);
}
