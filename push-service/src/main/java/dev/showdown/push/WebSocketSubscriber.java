package dev.showdown.push;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/** A WebSocket listener: each push is one text frame; a ping each heartbeat must be answered by the next. */
final class WebSocketSubscriber extends Subscriber {
  private static final Buffer PING = Buffer.buffer("hb");

  private final ServerWebSocket webSocket;
  private boolean awaitingPong;

  WebSocketSubscriber(ServerWebSocket webSocket) {
    this.webSocket = webSocket;
    webSocket.pongHandler(pong -> awaitingPong = false);
  }

  @Override
  Protocol protocol() {
    return Protocol.WEBSOCKET;
  }

  @Override
  boolean writeQueueFull() {
    return webSocket.writeQueueFull();
  }

  @Override
  void push(Tick tick) {
    webSocket.writeFrame(tick.textFrame());
  }

  @Override
  boolean heartbeat() {
    if (awaitingPong) {
      return false;
    }
    awaitingPong = true;
    webSocket.writePing(PING);
    return true;
  }

  @Override
  void close() {
    webSocket.close();
  }
}
