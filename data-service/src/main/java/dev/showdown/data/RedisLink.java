package dev.showdown.data;

import io.vertx.core.Future;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** How one event loop sends commands to Redis: one pipelined connection, or a pool. */
interface RedisLink {
  Future<Response> send(Request request);

  Future<Void> close();
}
