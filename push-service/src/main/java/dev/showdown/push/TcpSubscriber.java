package dev.showdown.push;

import io.vertx.core.net.NetSocket;

/** A plain TCP listener: each push is the message followed by a newline; liveness is TCP keep-alive's job. */
final class TcpSubscriber extends Subscriber {
  private final NetSocket socket;

  TcpSubscriber(NetSocket socket) {
    this.socket = socket;
  }

  @Override
  Protocol protocol() {
    return Protocol.TCP;
  }

  @Override
  boolean writeQueueFull() {
    return socket.writeQueueFull();
  }

  @Override
  void push(Tick tick) {
    socket.write(tick.tcpLine);
  }

  @Override
  boolean heartbeat() {
    return true;
  }

  @Override
  void close() {
    socket.close();
  }
}
