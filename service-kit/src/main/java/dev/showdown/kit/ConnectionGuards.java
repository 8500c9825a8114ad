package dev.showdown.kit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.net.impl.ConnectionBase;

import java.time.Duration;

/**
 * The one place the kit reaches past Vert.x's public API (with the decoder it installs; VertxInternalsTest keeps it
 * so). What the kit adds to each HTTP/1.x connection's Netty pipeline: the {@link StrictRequestDecoder} in place of
 * Vert.x's, {@link MalformedBodies} and the {@link RequestDeadline}. The idle timeout is Vert.x's own ({@code HttpServerOptions}), the
 * handler named {@value #IDLE}.
 */
public final class ConnectionGuards {
  private static final String DECODER = "httpDecoder";
  private static final String ENCODER = "httpEncoder";
  private static final String MALFORMED_BODIES = "kitMalformedBodies";
  private static final String VERTX_HANDLER = "handler";
  private static final String IDLE = "idle";
  private static final String REQUEST_START = "kitRequestStart";
  private static final String REQUEST_END = "kitRequestEnd";

  private ConnectionGuards() {
  }

  /** Runs as the server's connection handler, before the connection's first byte is decoded. */
  static void install(HttpConnection connection, HttpServerOptions options, Duration requestTimeout) {
    ChannelPipeline pipeline = channel(connection).pipeline();
    if (!(pipeline.get(DECODER) instanceof VertxHttpRequestDecoder)) {
      return; // HTTP/2, where a service turned h2c on: its frames have limits of their own.
    }
    pipeline.replace(DECODER, DECODER, new StrictRequestDecoder(options));
    // Right after the encoder: inbound it sees the decoder's own results, before a decompressor could rewrite a failed
    // chunk as a good one; outbound its answer still goes through the encoder.
    pipeline.addAfter(ENCODER, MALFORMED_BODIES, new MalformedBodies());
    if (!requestTimeout.isZero()) {
      RequestDeadline deadline = new RequestDeadline(requestTimeout.toNanos());
      pipeline.addBefore(DECODER, REQUEST_START, deadline.bytes);
      pipeline.addBefore(VERTX_HANDLER, REQUEST_END, deadline.messages);
    }
  }

  /** The Netty channel under a Vert.x HTTP connection: Vert.x has no public API for it. */
  static Channel channel(HttpConnection connection) {
    return ((ConnectionBase) connection).channel();
  }

  /**
   * For a connection that a service takes over from Vert.x after an upgrade (push's WebSocket listeners): removes
   * the kit's idle and request timeouts and its body check, which would otherwise stay in the pipeline, inert but
   * holding memory (the timeouts a timer each), since the new owner keeps the connection alive (and finds it dead)
   * its own way. Call it on the channel's event loop; handlers already gone are skipped.
   */
  public static void removeFrom(Channel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    for (String name : new String[] {IDLE, REQUEST_START, REQUEST_END, MALFORMED_BODIES}) {
      if (pipeline.get(name) != null) {
        pipeline.remove(name);
      }
    }
  }
}
