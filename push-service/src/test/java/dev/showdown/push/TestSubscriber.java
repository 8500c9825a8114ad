package dev.showdown.push;

import dev.showdown.push.core.PushMessage;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.parsetools.RecordParser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A test client that keeps every message it receives on one push connection, TCP or WebSocket. */
final class TestSubscriber {
  private final List<String> messages = new ArrayList<>();
  private final Runnable closer;
  private volatile boolean closed;

  private TestSubscriber(Runnable closer) {
    this.closer = closer;
  }

  static TestSubscriber tcp(Vertx vertx, int port) {
    // Handlers are set on the client's event loop as the connection completes, before its first read, so a
    // message the server writes at once (a refusal) is not lost.
    return onEventLoop(vertx, () -> vertx.createNetClient().connect(port, "127.0.0.1").map(socket -> {
      TestSubscriber subscriber = new TestSubscriber(socket::close);
      socket.handler(RecordParser.newDelimited("\n", subscriber::received));
      socket.closeHandler(v -> subscriber.closed = true);
      return subscriber;
    }));
  }

  static TestSubscriber webSocket(Vertx vertx, int port) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/push");
    WebSocketClient client = vertx.createWebSocketClient();
    return onEventLoop(vertx, () -> client.connect(options).map(webSocket -> {
      TestSubscriber subscriber = new TestSubscriber(webSocket::close);
      webSocket.textMessageHandler(text -> subscriber.received(Buffer.buffer(text)));
      webSocket.closeHandler(v -> subscriber.closed = true);
      return subscriber;
    }));
  }

  private static TestSubscriber onEventLoop(Vertx vertx, Supplier<Future<TestSubscriber>> connect) {
    Promise<TestSubscriber> connected = Promise.promise();
    vertx.runOnContext(v -> connect.get().onComplete(connected));
    return connected.future().await();
  }

  private synchronized void received(Buffer message) {
    messages.add(message.toString());
    notifyAll();
  }

  synchronized List<String> messages() {
    return List.copyOf(messages);
  }

  List<Long> seqs() {
    List<Long> seqs = new ArrayList<>();
    for (String message : messages()) {
      byte[] bytes = message.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      seqs.add(PushMessage.seq(bytes, 0, bytes.length));
    }
    return seqs;
  }

  /** Waits until the received messages satisfy {@code condition}, failing after {@code timeout}. */
  synchronized List<String> awaitMessages(Predicate<List<String>> condition, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(messages)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException("condition not met after " + timeout + "; received " + messages);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(messages);
  }

  boolean closed() {
    return closed;
  }

  void close() {
    closer.run();
  }
}
