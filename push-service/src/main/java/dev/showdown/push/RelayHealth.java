package dev.showdown.push;

import dev.showdown.kit.JsonResponses;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code GET /health} of a node joined through Redis: {@code "status":"UP"} whatever the relay does, since the
 * node still serves its connections and restarting it would only drop them, plus {@code "relay"} saying
 * whether it hears the other nodes' broadcasts, for an operator to alert on.
 */
final class RelayHealth implements Handler<RoutingContext> {
  private final RedisRelay relay;
  private final Map<RelayState, Buffer> bodies = new EnumMap<>(RelayState.class);

  RelayHealth(RedisRelay relay) {
    this.relay = relay;
    for (RelayState state : RelayState.values()) {
      bodies.put(state, Buffer.buffer("{\"status\":\"UP\",\"relay\":\"" + state.label + "\"}"));
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    JsonResponses.ok(ctx.response(), bodies.get(relay.state()));
  }
}
