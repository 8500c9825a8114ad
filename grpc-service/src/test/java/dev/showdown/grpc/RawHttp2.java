package dev.showdown.grpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/2 client that writes frames as they are, to do what a well-behaved gRPC client never does: reset
 * streams as fast as it opens them, ping without end. Only the header block is left to Netty's HPACK encoder.
 */
final class RawHttp2 implements AutoCloseable {
  static final int HEADERS = 0x1;
  static final int RST_STREAM = 0x3;
  static final int SETTINGS = 0x4;
  static final int PING = 0x6;
  static final int GOAWAY = 0x7;
  private static final int FLAG_ACK = 0x1;
  static final long ENHANCE_YOUR_CALM = 0xb;
  static final int SETTINGS_MAX_CONCURRENT_STREAMS = 0x3;

  private static final int FLAG_END_HEADERS = 0x4;
  private static final long CANCEL = 0x8;
  private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /** One frame as read: its type, flags, stream and payload. */
  record Frame(int type, int flags, int streamId, byte[] payload) {
    /** Whether this is the server's answer to {@code ping(data)}. */
    boolean isPingAnswer(long data) {
      return type == PING && (flags & FLAG_ACK) != 0 && payload.length == 8
          && ((long) readInt(payload, 0) << 32 | readInt(payload, 4) & 0xffffffffL) == data;
    }

    /** For GOAWAY: the error code after the last stream id. */
    long goAwayError() {
      return readInt(payload, 4) & 0xffffffffL;
    }

    /** For SETTINGS: the value of {@code id}, or -1 when the frame does not carry it. */
    long setting(int id) {
      for (int at = 0; at + 6 <= payload.length; at += 6) {
        if ((((payload[at] & 0xff) << 8) | (payload[at + 1] & 0xff)) == id) {
          return readInt(payload, at + 2) & 0xffffffffL;
        }
      }
      return -1;
    }
  }

  private final Socket socket;
  private final DataOutputStream out;
  private final DataInputStream in;
  private final DefaultHttp2HeadersEncoder hpack = new DefaultHttp2HeadersEncoder();
  private final Http2Headers getUser = new DefaultHttp2Headers()
      .method("POST").scheme("http").authority("127.0.0.1").path("/userservice.v1.UserService/GetUser")
      .add("content-type", "application/grpc").add("te", "trailers");

  private RawHttp2(Socket socket) throws IOException {
    this.socket = socket;
    this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
  }

  /** Connects, sends the preface and empty SETTINGS. */
  static RawHttp2 connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(10_000);
    RawHttp2 client = new RawHttp2(socket);
    client.out.write(PREFACE);
    client.frameHeader(0, SETTINGS, 0, 0);
    client.out.flush();
    return client;
  }

  /** Opens a GetUser call on {@code streamId} (odd, rising) without sending its message. */
  void openCall(int streamId) throws IOException {
    ByteBuf block = Unpooled.buffer();
    try {
      hpack.encodeHeaders(streamId, getUser, block);
      frameHeader(block.readableBytes(), HEADERS, FLAG_END_HEADERS, streamId);
      block.readBytes(out, block.readableBytes());
    } catch (Http2Exception e) {
      throw new IOException(e);
    } finally {
      block.release();
    }
  }

  void reset(int streamId) throws IOException {
    frameHeader(4, RST_STREAM, 0, streamId);
    out.writeInt((int) CANCEL);
  }

  void ping(long data) throws IOException {
    frameHeader(8, PING, 0, 0);
    out.writeLong(data);
  }

  void flush() throws IOException {
    out.flush();
  }

  /** The next frame, or {@code null} once the server has closed the connection. */
  Frame read() throws IOException {
    int length;
    try {
      length = (in.readUnsignedShort() << 8) | in.readUnsignedByte();
    } catch (EOFException closed) {
      return null;
    }
    int type = in.readUnsignedByte();
    int flags = in.readUnsignedByte();
    int streamId = in.readInt() & 0x7fffffff;
    byte[] payload = new byte[length];
    in.readFully(payload);
    return new Frame(type, flags, streamId, payload);
  }

  private void frameHeader(int length, int type, int flags, int streamId) throws IOException {
    out.writeShort(length >>> 8);
    out.writeByte(length);
    out.writeByte(type);
    out.writeByte(flags);
    out.writeInt(streamId);
  }

  private static int readInt(byte[] bytes, int at) {
    return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
