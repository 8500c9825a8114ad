package dev.showdown.push;

import dev.showdown.kit.AdmissionGate;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

import java.util.concurrent.TimeUnit;

/** The plain TCP listener of one event loop: accepted sockets join this loop's shard. */
final class TcpServerVerticle extends VerticleBase {
  private static final Buffer REFUSED = Buffer.buffer("{\"error\":\"too many connections\"}\n");

  private final String host;
  private final int port;
  private final PushSettings settings;
  private final PushStats stats;
  private final AdmissionGate admission;
  private final Broadcaster broadcaster;
  private NetServer server;
  private Shard shard;

  TcpServerVerticle(String host, int port, PushSettings settings, PushStats stats, AdmissionGate admission,
                    Broadcaster broadcaster) {
    this.host = host;
    this.port = port;
    this.settings = settings;
    this.stats = stats;
    this.admission = admission;
    this.broadcaster = broadcaster;
  }

  @Override
  public Future<?> start() {
    shard = new Shard(context, stats, admission, settings.slowTimeout().toNanos());
    broadcaster.register(shard);
    NetServerOptions options = new NetServerOptions()
        .setHost(host)
        .setPort(port)
        .setTcpNoDelay(true)
        .setTcpKeepAlive(true)
        .setReuseAddress(true);
    return vertx.createNetServer(options)
        .connectHandler(this::accept)
        .listen()
        .onSuccess(bound -> server = bound);
  }

  private void accept(NetSocket socket) {
    if (!admission.tryAdmit()) {
      stats.countRefused();
      socket.end(REFUSED);
      return;
    }
    SocketTuning.apply(((NetSocketInternal) socket).channelHandlerContext().channel(), settings.heartbeat(),
        settings.writeQueueBytes());
    socket.setWriteQueueMaxSize(settings.writeQueueBytes());
    TcpSubscriber subscriber = new TcpSubscriber(socket);
    // Listeners have nothing to say; whatever they send is read and discarded so it cannot pile up.
    socket.handler(ignored -> { });
    socket.exceptionHandler(failure -> stats.countSocketError());
    socket.closeHandler(v -> shard.remove(subscriber));
    shard.add(subscriber);
  }

  int actualPort() {
    return server.actualPort();
  }

  Future<Void> shutdown(long graceMillis) {
    return server == null ? Future.succeededFuture() : server.shutdown(graceMillis, TimeUnit.MILLISECONDS);
  }
}
