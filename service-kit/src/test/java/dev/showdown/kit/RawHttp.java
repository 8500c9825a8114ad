package dev.showdown.kit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A plain loopback socket that speaks HTTP/1.1 bytes exactly as a test writes them (malformed, pipelined, cut
 * short) and reads back what the server sends. Shared with every service's tests through the test-jar.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final ByteArrayOutputStream unread = new ByteArrayOutputStream();

  private RawHttp(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  /** A response as it came: status, headers by lower-case name (the last of repeated ones), body. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  public static RawHttp connect(int port) {
    try {
      return new RawHttp(new Socket(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text} as ISO-8859-1 bytes, with nothing added. */
  public RawHttp send(String text) {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  public RawHttp send(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next response (its body by {@code Content-Length}); fails if none is complete within {@code timeout}. */
  public Response read(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] bytes;
    int headEnd;
    while ((headEnd = indexOf(bytes = unread.toByteArray(), "\r\n\r\n")) < 0) {
      if (!fill(deadline)) {
        throw new AssertionError("no complete response head; got: " + new String(bytes, StandardCharsets.ISO_8859_1));
      }
    }
    String[] lines = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    int bodyStart = headEnd + 4;
    while ((bytes = unread.toByteArray()).length < bodyStart + length) {
      if (!fill(deadline)) {
        throw new AssertionError("response body cut short: " + new String(bytes, StandardCharsets.ISO_8859_1));
      }
    }
    String body = new String(bytes, bodyStart, length, StandardCharsets.UTF_8);
    unread.reset();
    unread.write(bytes, bodyStart + length, bytes.length - bodyStart - length);
    return new Response(status, headers, body);
  }

  /** Whether the server closes the connection within {@code timeout}; what it sends first is kept for {@link #read}. */
  public boolean closedWithin(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (fill(deadline)) {
        // keep what arrives
      }
      return true;
    } catch (AssertionError timedOut) {
      return false;
    }
  }

  /** Reads what is there into {@link #unread}: false at end of stream, an AssertionError past the deadline. */
  private boolean fill(long deadline) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new AssertionError("nothing within the time allowed");
    }
    try {
      socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
      byte[] buffer = new byte[8192];
      int read = in.read(buffer);
      if (read < 0) {
        return false;
      }
      unread.write(buffer, 0, read);
      return true;
    } catch (SocketTimeoutException e) {
      throw new AssertionError("nothing within the time allowed", e);
    } catch (IOException e) {
      // A reset counts as the connection's end, as a closed one does.
      return false;
    }
  }

  private static int indexOf(byte[] bytes, String text) {
    byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
