package dev.showdown.grpc;

import io.grpc.Status;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * grpc-netty logs every request whose gRPC framing it refuses (a message over {@code --max-message-size}, a
 * bad compression flag) as a WARNING with a stack trace, from inside its transport, where no public API
 * reaches. This filter on that one logger turns such a record into a {@link RejectedRequests} count of the
 * server whose event loop logged it; every other record passes as it is.
 */
final class TransportLogFilter implements Filter {
  /** Held here so that the logger, and the filter set on it, outlive any moment nobody else refers to it. */
  private static final Logger SERVER_STREAM_LOG = Logger.getLogger("io.grpc.netty.NettyServerStream");
  private static final String DEFRAME_FAILED = "Exception processing message";
  private static final TransportLogFilter INSTANCE = new TransportLogFilter();

  private final Map<EventLoopGroup, RejectedRequests> servers = new ConcurrentHashMap<>();

  private TransportLogFilter() {
  }

  /** From now on, framing refusals logged on {@code loops} are counted in {@code rejected}. */
  static synchronized void register(EventLoopGroup loops, RejectedRequests rejected) {
    if (SERVER_STREAM_LOG.getFilter() != INSTANCE) {
      SERVER_STREAM_LOG.setFilter(INSTANCE);
    }
    INSTANCE.servers.put(loops, rejected);
  }

  static void deregister(EventLoopGroup loops) {
    INSTANCE.servers.remove(loops);
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    if (!DEFRAME_FAILED.equals(record.getMessage()) || record.getThrown() == null) {
      return true;
    }
    RejectedRequests rejected = ofThisThread();
    if (rejected == null) {
      return true;
    }
    Status status = Status.fromThrowable(record.getThrown());
    rejected.refused(RejectedRequests.Reason.bad_frame, status.getCode().name(), status.getCode() + ": " + status.getDescription());
    return false;
  }

  /** The server whose event loop this is: grpc-netty deframes, and so logs, on the connection's loop. */
  private RejectedRequests ofThisThread() {
    for (Map.Entry<EventLoopGroup, RejectedRequests> server : servers.entrySet()) {
      for (EventExecutor loop : server.getKey()) {
        if (loop.inEventLoop()) {
          return server.getValue();
        }
      }
    }
    return null;
  }
}
