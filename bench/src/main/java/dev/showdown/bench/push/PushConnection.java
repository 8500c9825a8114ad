package dev.showdown.bench.push;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * One listening connection: reads TCP lines or WebSocket frames (after its own minimal handshake, answering
 * pings), and counts each push by the seq and ts it carries. Kept small: a client process holds thousands.
 */
final class PushConnection extends ChannelInboundHandlerAdapter {
  private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final int OPCODE_TEXT = 0x1;
  private static final int OPCODE_CLOSE = 0x8;
  private static final int OPCODE_PING = 0x9;

  private final PushTarget target;
  private final PushTally tally;
  final CompletableFuture<Void> ready = new CompletableFuture<>();
  private byte[] pending = new byte[256];
  private int pendingLength;
  private boolean upgraded;
  volatile long lastSeq = -1;
  int counted;
  volatile boolean open;

  PushConnection(PushTarget target, PushTally tally) {
    this.target = target;
    this.tally = tally;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    open = true;
    if (target.webSocket()) {
      String request = "GET " + target.path() + " HTTP/1.1\r\nHost: " + target.host() + ":" + target.port()
          + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: c2hvd2Rvd24tcHVzaC1rZXk=\r\n"
          + "Sec-WebSocket-Version: 13\r\n\r\n";
      ctx.writeAndFlush(Unpooled.wrappedBuffer(request.getBytes(StandardCharsets.US_ASCII)));
    } else {
      ready.complete(null);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    open = false;
    ready.completeExceptionally(new IllegalStateException("closed before it was ready"));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ready.completeExceptionally(cause);
    ctx.close();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf buf = (ByteBuf) msg;
    try {
      append(buf);
    } finally {
      buf.release();
    }
    long nowMicros = epochMicros();
    int consumed = target.webSocket() ? webSocket(ctx, nowMicros) : lines(nowMicros);
    pendingLength -= consumed;
    System.arraycopy(pending, consumed, pending, 0, pendingLength);
  }

  private int lines(long nowMicros) {
    int start = 0;
    for (int i = 0; i < pendingLength; i++) {
      if (pending[i] == '\n') {
        message(start, i, nowMicros);
        start = i + 1;
      }
    }
    return start;
  }

  private int webSocket(ChannelHandlerContext ctx, long nowMicros) {
    int at = 0;
    if (!upgraded) {
      int end = indexOf(HEADERS_END);
      if (end < 0) {
        return 0;
      }
      if (!new String(pending, 0, Math.min(end, 12), StandardCharsets.US_ASCII).equals("HTTP/1.1 101")) {
        ready.completeExceptionally(new IllegalStateException(
            "upgrade refused: " + new String(pending, 0, end, StandardCharsets.US_ASCII).lines().findFirst().orElse("")));
        ctx.close();
        return pendingLength;
      }
      upgraded = true;
      ready.complete(null);
      at = end + HEADERS_END.length;
    }
    while (pendingLength - at >= 2) {
      int opcode = pending[at] & 0x0F;
      int length = pending[at + 1] & 0x7F;
      int header = 2;
      if (length == 126) {
        if (pendingLength - at < 4) {
          break;
        }
        length = ((pending[at + 2] & 0xFF) << 8) | (pending[at + 3] & 0xFF);
        header = 4;
      } else if (length == 127) {
        ctx.close();
        return pendingLength;
      }
      if (pendingLength - at < header + length) {
        break;
      }
      int payload = at + header;
      if (opcode == OPCODE_TEXT) {
        message(payload, payload + length, nowMicros);
      } else if (opcode == OPCODE_PING) {
        pong(ctx, payload, length);
      } else if (opcode == OPCODE_CLOSE) {
        ctx.close();
      }
      at = payload + length;
    }
    return at;
  }

  /** A client frame must be masked; a zero mask leaves the payload as it is. */
  private void pong(ChannelHandlerContext ctx, int payload, int length) {
    ByteBuf frame = ctx.alloc().buffer(6 + length);
    frame.writeByte(0x80 | 0xA).writeByte(0x80 | length).writeInt(0).writeBytes(pending, payload, length);
    ctx.writeAndFlush(frame);
  }

  private void message(int from, int to, long nowMicros) {
    long seq = PushFields.seq(pending, from, to);
    long ts = PushFields.ts(pending, from, to);
    if (seq < 0 || ts < 0) {
      return;
    }
    lastSeq = seq;
    if (tally.received(seq, ts, nowMicros)) {
      counted++;
    }
  }

  private void append(ByteBuf buf) {
    int readable = buf.readableBytes();
    if (pendingLength + readable > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + readable));
    }
    buf.readBytes(pending, pendingLength, readable);
    pendingLength += readable;
  }

  private int indexOf(byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= pendingLength; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (pending[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static long epochMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
