package dev.showdown.grpc;

import io.grpc.netty.NettyServerBuilder;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What one HTTP/2 connection may cost the server, so that no single client can take it: open calls, stream
 * resets (the rapid-reset attack opens and cancels streams without end), pings, message and header sizes,
 * and how long a connection may idle or live. grpc-java leaves most of these unlimited.
 */
final class ConnectionLimits {
  /** The window {@code --max-rst-frames} counts over. */
  static final int RST_WINDOW_SECONDS = 10;
  /** Calls still running on a connection past {@code --max-connection-age} get this long to finish. */
  static final Duration MAX_CONNECTION_AGE_GRACE = Duration.ofSeconds(30);
  /** Clients may ping this often while they have calls open (and not at all while idle); more is GOAWAY. */
  static final Duration PERMIT_KEEPALIVE_TIME = Duration.ofSeconds(20);
  /** The server pings a connection quiet for this long, and closes it if no answer comes in the timeout. */
  static final Duration KEEPALIVE_TIME = Duration.ofMinutes(1);
  static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(20);
  /** Request headers of a call; grpc-java's own default, stated so it is a decision. */
  static final int MAX_METADATA_BYTES = 8192;

  private ConnectionLimits() {
  }

  static void applyTo(NettyServerBuilder builder, GrpcOptions options) {
    builder
        .maxConcurrentCallsPerConnection(options.maxCallsPerConnection())
        .maxRstFramesPerWindow(options.maxRstFrames(), RST_WINDOW_SECONDS)
        .permitKeepAliveTime(PERMIT_KEEPALIVE_TIME.toMillis(), TimeUnit.MILLISECONDS)
        .permitKeepAliveWithoutCalls(false)
        .keepAliveTime(KEEPALIVE_TIME.toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveTimeout(KEEPALIVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .maxConnectionIdle(options.maxConnectionIdle().toMillis(), TimeUnit.MILLISECONDS)
        .maxConnectionAge(options.maxConnectionAge().toMillis(), TimeUnit.MILLISECONDS)
        .maxConnectionAgeGrace(MAX_CONNECTION_AGE_GRACE.toMillis(), TimeUnit.MILLISECONDS)
        .maxInboundMessageSize(options.maxMessageSize())
        .maxInboundMetadataSize(MAX_METADATA_BYTES);
  }
}
