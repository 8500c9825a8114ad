package dev.showdown.push;

import dev.showdown.kit.AdmissionGate;
import dev.showdown.kit.ConnectionGuards;
import dev.showdown.kit.JsonResponses;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.VertxHandler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /push}, after {@code WebSocketHandshakes.validate} has refused what is no valid opening handshake:
 * Vert.x performs the WebSocket upgrade (handshake, 101, request metrics), then the channel is
 * taken over and joins the shard of its event loop. Vert.x's WebSocket object keeps two 1,024-slot queues and a
 * frame assembler per connection, about 10 KB, that a listener which only ever receives has no use for.
 */
final class WebSocketEndpoint {
  private final Shards shards;
  private final PushStats stats;
  private final AdmissionGate admission;
  private final PushSettings settings;

  WebSocketEndpoint(Shards shards, PushStats stats, AdmissionGate admission, PushSettings settings) {
    this.shards = shards;
    this.stats = stats;
    this.admission = admission;
    this.settings = settings;
  }

  void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!admission.tryAdmit()) {
      stats.countRefused();
      JsonResponses.error(ctx.response(), 503, "too many connections");
      return;
    }
    Channel channel = ((ConnectionBase) request.connection()).channel();
    request.toWebSocket().onComplete(upgraded -> {
      if (upgraded.failed() || !channel.isActive()) {
        // Vert.x still owns the channel (and will see it close), so only the place is given back.
        admission.release();
        stats.countSocketError();
        return;
      }
      takeOver(channel);
    });
  }

  /**
   * Runs on the channel's event loop, so nothing can reach the pipeline between the steps. Vert.x is told the
   * connection has ended (its WebSocket and connection gauges then count only what it still serves; the push
   * meters count listeners), and its handler is replaced by the listener's. The kit's HTTP timeouts leave too: the
   * heartbeat finds a dead listener, and an idle one (between two pushes) is what a listener is meant to be.
   */
  private void takeOver(Channel channel) {
    ConnectionGuards.removeFrom(channel);
    SocketTuning.apply(channel, settings.heartbeat(), settings.writeQueueBytes());
    Shard shard = shards.of(channel.eventLoop());
    WebSocketSubscriber subscriber = new WebSocketSubscriber(channel);
    ChannelPipeline pipeline = channel.pipeline();
    ChannelHandlerContext vertx = pipeline.context(VertxHandler.class);
    ((VertxHandler<?>) vertx.handler()).channelInactive(vertx);
    pipeline.replace(vertx.name(), "listening", new Listening(shard, subscriber, stats));
    shard.add(subscriber);
  }
}
