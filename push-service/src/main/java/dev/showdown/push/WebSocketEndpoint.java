package dev.showdown.push;

import dev.showdown.kit.ConnectionGuards;
import dev.showdown.kit.JsonResponses;
import io.netty.channel.Channel;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /push}, after {@code WebSocketHandshakes.validate} has refused what is no valid opening handshake:
 * Vert.x performs the WebSocket upgrade (handshake, 101, request metrics), then the channel is taken over and
 * joins the shard of its event loop, without the WebSocket object Vert.x keeps per connection (its queues and
 * frame assembler), which a subscriber that only ever receives has no use for.
 */
final class WebSocketEndpoint {
  private final SubscriberIntake intake;

  WebSocketEndpoint(SubscriberIntake intake) {
    this.intake = intake;
  }

  void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!intake.admit()) {
      JsonResponses.error(ctx.response(), 503, "too many connections");
      return;
    }
    Channel channel = VertxInternals.channelOf(request.connection());
    request.toWebSocket().onComplete(upgraded -> {
      if (upgraded.failed() || !channel.isActive()) {
        // Vert.x still owns the channel (and will see it close), so only the place is given back.
        intake.abandon();
        return;
      }
      takeOver(channel);
    });
  }

  /**
   * Runs on the channel's event loop, so nothing can reach the pipeline between the steps. Vert.x is told the
   * connection has ended (its WebSocket and connection gauges then count only what it still serves; the push
   * meters count subscribers), and its handler gives way to the subscriber's. The kit's HTTP timeouts leave too: the
   * heartbeat finds a dead subscriber, and an idle one (between two pushes) is what a subscriber is meant to be.
   */
  private void takeOver(Channel channel) {
    ConnectionGuards.removeFrom(channel);
    VertxInternals.release(channel);
    intake.join(new WebSocketSubscriber(channel));
  }
}
