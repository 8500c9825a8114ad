package dev.showdown.push;

import dev.showdown.kit.Await;
import dev.showdown.push.core.PushMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that never reads: its queue stays bounded, it is closed, and nobody else notices. */
class SlowConsumerTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  final PushFixture push = new PushFixture();

  @BeforeEach
  void setUp() {
    push.start(PushSettings.forTest(Duration.ofMillis(5), null).withSlowTimeout(Duration.ofMillis(500)));
  }

  @Test
  void aTcpReaderThatStallsIsCutOffWhileTheOthersGetEveryMessage() throws Exception {
    TestSubscriber tcpReader = TestSubscriber.tcp(push.clients(), push.service().tcpPort());
    TestSubscriber webSocketReader = TestSubscriber.webSocket(push.clients(), push.running().port());
    try (Socket stalled = new Socket()) {
      // A tiny receive window so the kernel buffers fill within seconds, not minutes.
      stalled.setReceiveBufferSize(1024);
      stalled.connect(new InetSocketAddress("127.0.0.1", push.service().tcpPort()));
      assertCutOffWhileOthersGetEveryMessage(() -> readToEnd(stalled.getInputStream()), tcpReader, webSocketReader);
    }
  }

  @Test
  void aWebSocketReaderThatStallsIsCutOffWhileTheOthersGetEveryMessage() throws Exception {
    TestSubscriber tcpReader = TestSubscriber.tcp(push.clients(), push.service().tcpPort());
    TestSubscriber webSocketReader = TestSubscriber.webSocket(push.clients(), push.running().port());
    try (RawWebSocket stalled = RawWebSocket.connect(push.running().port(), 1024)) {
      assertCutOffWhileOthersGetEveryMessage(() -> readToEnd(stalled.input()), tcpReader, webSocketReader);
    }
  }

  /** The stalled third connection is closed as slow, was sent a bounded amount, and the two readers miss nothing. */
  private void assertCutOffWhileOthersGetEveryMessage(Callable<Long> bytesSentToStalled, TestSubscriber tcpReader,
                                                      TestSubscriber webSocketReader) throws Exception {
    Await.until("three connections", () -> push.service().stats().open() == 3, WAIT);

    Await.until("the stalled reader to be closed as slow", () -> push.service().stats().slowClosed() == 1, WAIT);

    assertThat(push.service().stats().dropped()).as("pushes skipped while its queue was full").isPositive();
    assertThat(push.service().stats().open()).isEqualTo(2);
    assertThat(bytesSentToStalled.call())
        .as("bytes the stalled socket had been sent, all bounded by the kernel buffers and the queue mark")
        .isLessThan(1_000_000);
    long seqAfterClose = lastSeq(tcpReader);
    tcpReader.awaitMessages(received -> lastSeq(received) >= seqAfterClose + 3, WAIT);
    webSocketReader.awaitMessages(received -> lastSeq(received) >= seqAfterClose + 3, WAIT);

    PushServiceTest.assertConsecutive(tcpReader.seqs());
    PushServiceTest.assertConsecutive(webSocketReader.seqs());
    assertThat(tcpReader.closed()).isFalse();
    assertThat(webSocketReader.closed()).isFalse();
  }

  private static long lastSeq(TestSubscriber subscriber) {
    List<Long> seqs = subscriber.seqs();
    return seqs.isEmpty() ? 0 : seqs.get(seqs.size() - 1);
  }

  private static long lastSeq(List<String> messages) {
    if (messages.isEmpty()) {
      return 0;
    }
    byte[] last = messages.get(messages.size() - 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return PushMessage.seq(last, 0, last.length);
  }

  /** Reads what the server managed to send before it closed the connection. */
  private static long readToEnd(InputStream in) throws Exception {
    byte[] chunk = new byte[8192];
    long total = 0;
    try {
      for (int n; (n = in.read(chunk)) >= 0; ) {
        total += n;
      }
    } catch (java.net.SocketException reset) {
      // The server closed with unsent data queued, so the kernel may answer with a reset: the end all the same.
    }
    return total;
  }
}
