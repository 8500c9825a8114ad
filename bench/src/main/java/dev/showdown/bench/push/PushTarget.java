package dev.showdown.bench.push;

import java.net.URI;

/**
 * Where the push client connects: {@code ws://host:port/path} (WebSocket) or {@code tcp://host:port} (lines).
 *
 * @param webSocket true for WebSocket, false for plain TCP
 */
public record PushTarget(boolean webSocket, String host, int port, String path) {

  public static PushTarget parse(String url) {
    URI uri = URI.create(url);
    String scheme = uri.getScheme();
    if (uri.getHost() == null || uri.getPort() < 0 || !("ws".equals(scheme) || "tcp".equals(scheme))) {
      throw new IllegalArgumentException("expected ws://host:port/push or tcp://host:port, got " + url);
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/push" : uri.getRawPath();
    return new PushTarget("ws".equals(scheme), uri.getHost(), uri.getPort(), path);
  }

  public String protocol() {
    return webSocket ? "websocket" : "tcp";
  }

  public String url() {
    return webSocket ? "ws://" + host + ":" + port + path : "tcp://" + host + ":" + port;
  }
}
