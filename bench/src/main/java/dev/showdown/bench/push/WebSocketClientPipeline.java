package dev.showdown.bench.push;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker13;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import java.net.URI;

/**
 * The push client's WebSocket side, Netty's own RFC 6455 client rather than one of the bench's: the upgrade by
 * {@link WebSocketClientHandshaker13} (a random {@code Sec-WebSocket-Key} per connection, the server's
 * {@code Sec-WebSocket-Accept} checked, the HTTP codec then swapped for the frame codec), masked frames, pings
 * answered with pongs. What a connection keeps past the upgrade is the frame codec and the protocol handler;
 * the URI and the settings are shared by all of them.
 */
final class WebSocketClientPipeline {
  /** The largest frame the contract lets a service send; a push is 100 bytes. */
  static final int MAX_FRAME = 64 * 1024;
  private static final int MAX_UPGRADE_RESPONSE = 8 * 1024;
  private static final long HANDSHAKE_TIMEOUT_MS = 10_000;
  private static final long FORCE_CLOSE_MS = 5_000;

  private final URI uri;
  private final WebSocketClientProtocolConfig config;

  WebSocketClientPipeline(PushTarget target) {
    this.uri = URI.create(target.url());
    this.config = WebSocketClientProtocolConfig.newBuilder()
        .webSocketUri(uri)
        .maxFramePayloadLength(MAX_FRAME)
        .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MS)
        // The connection echoes a close itself (RFC 6455 5.5.1); Netty's handler would only drop the socket.
        .handleCloseFrames(false)
        .dropPongFrames(true)
        // Pushes are counted by their ASCII seq and ts, never shown: no UTF-8 validator per connection.
        .withUTF8Validator(false)
        .build();
  }

  /** Adds the upgrade and frame handling to a new channel's pipeline, with {@code connection} after them. */
  void addTo(ChannelPipeline pipeline, ChannelHandler connection) {
    WebSocketClientHandshaker13 handshaker = new WebSocketClientHandshaker13(uri, WebSocketVersion.V13, null, false,
        EmptyHttpHeaders.INSTANCE, MAX_FRAME, true, false, FORCE_CLOSE_MS);
    pipeline.addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_UPGRADE_RESPONSE),
        new WebSocketClientProtocolHandler(handshaker, config), connection);
  }
}
