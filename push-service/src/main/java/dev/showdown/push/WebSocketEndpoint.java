package dev.showdown.push;

import dev.showdown.kit.AdmissionGate;
import dev.showdown.kit.JsonResponses;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

/** {@code GET /push}: upgrades to a WebSocket that joins the shard of its channel's event loop. */
final class WebSocketEndpoint {
  private final Shards shards;
  private final PushStats stats;
  private final AdmissionGate admission;
  private final int writeQueueBytes;
  private final Duration heartbeat;

  WebSocketEndpoint(Shards shards, PushStats stats, AdmissionGate admission, PushSettings settings) {
    this.shards = shards;
    this.stats = stats;
    this.admission = admission;
    this.writeQueueBytes = settings.writeQueueBytes();
    this.heartbeat = settings.heartbeat();
  }

  void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!request.headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
      JsonResponses.error(ctx.response(), 400, "expected a WebSocket upgrade");
      return;
    }
    if (!admission.tryAdmit()) {
      stats.countRefused();
      JsonResponses.error(ctx.response(), 503, "too many connections");
      return;
    }
    ConnectionBase connection = (ConnectionBase) request.connection();
    request.toWebSocket().onComplete(upgraded -> {
      if (upgraded.failed()) {
        admission.release();
        stats.countSocketError();
        return;
      }
      SocketTuning.apply(connection.channel(), heartbeat, writeQueueBytes);
      join(upgraded.result(), shards.of(connection.channel().eventLoop()));
    });
  }

  private void join(ServerWebSocket webSocket, Shard shard) {
    webSocket.setWriteQueueMaxSize(writeQueueBytes);
    WebSocketSubscriber subscriber = new WebSocketSubscriber(webSocket);
    webSocket.exceptionHandler(failure -> stats.countSocketError());
    webSocket.closeHandler(v -> shard.remove(subscriber));
    shard.add(subscriber);
  }
}
