package dev.showdown.data;

import dev.showdown.kit.JsonResponses;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.redis.client.Response;

/**
 * {@code GET /data/{id}}: the upstream item and Redis {@code cache:{id}}, both requested before either is
 * awaited. The first leg to fail decides the answer (502 upstream, 503 Redis).
 */
final class DataHandler extends IdHandler {
  private final Upstream upstream;
  private final RedisValueReader redis;

  DataHandler(Upstream upstream, RedisValueReader redis) {
    this.upstream = upstream;
    this.redis = redis;
  }

  @Override
  void handle(long id, HttpServerResponse response) {
    Future<byte[]> api = upstream.item(id);
    Future<Response> cache = redis.get("cache:" + id);
    Future.all(api, cache).onComplete(both -> {
      if (both.failed()) {
        DependencyFailure.respond(response, both.cause());
        return;
      }
      Response value = cache.result();
      byte[] body = DataBody.assemble(api.result(), value == null ? null : value.toBytes());
      JsonResponses.ok(response, Buffer.buffer(body));
    });
  }
}
