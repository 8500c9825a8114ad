package dev.showdown.bench.push;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.charset.StandardCharsets;

/**
 * Runs the client's own receive path (framing, parsing, counting) over synthetic pushes before it connects. The
 * first counted tick is the service's first, cold code included, as the issue asks; the client's cold code
 * would otherwise be added to it (measured: the protocol the bench ran first showed a p99 about 120 ms above
 * the service's own slowest fan-out, the second none).
 */
final class ClientWarmUp {
  static final int MESSAGES = 30_000;

  private ClientWarmUp() {
  }

  /** Returns how many of the synthetic pushes the client counted: all of them, or it warmed the wrong path. */
  static int run(PushTarget target) {
    PushTally tally = new PushTally();
    tally.openWindow(0);
    PushConnection connection = new PushConnection(target, tally);
    EmbeddedChannel channel = new EmbeddedChannel(connection);
    if (target.webSocket()) {
      channel.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 101 Switching Protocols\r\n\r\n", StandardCharsets.US_ASCII));
    }
    for (int seq = 1; seq <= MESSAGES; seq++) {
      channel.writeInbound(Unpooled.wrappedBuffer(framed(target, message(seq, PushConnection.epochMicros()))));
    }
    channel.finishAndReleaseAll();
    return connection.counted;
  }

  /** A message shaped as the contract says: {@code {"seq":N,"ts":T,"pad":"x..."}}, 100 bytes. */
  private static byte[] message(long seq, long ts) {
    String head = "{\"seq\":" + seq + ",\"ts\":" + ts + ",\"pad\":\"";
    return (head + "x".repeat(100 - head.length() - 2) + "\"}").getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] framed(PushTarget target, byte[] message) {
    byte[] framed = new byte[message.length + (target.webSocket() ? 2 : 1)];
    if (target.webSocket()) {
      framed[0] = (byte) 0x81;
      framed[1] = (byte) message.length;
      System.arraycopy(message, 0, framed, 2, message.length);
    } else {
      System.arraycopy(message, 0, framed, 0, message.length);
      framed[message.length] = '\n';
    }
    return framed;
  }
}
