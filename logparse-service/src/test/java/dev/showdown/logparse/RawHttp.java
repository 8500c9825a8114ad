package dev.showdown.logparse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Test helper: HTTP/1.1 over a plain socket, to control exactly how a body reaches the server. */
final class RawHttp {
  private RawHttp() {
  }

  /** A response's status, Content-Type (null if none) and body. */
  record Response(int status, String contentType, String body) {
  }

  /** A response read whole from a head and the rest of the stream. */
  private static Response response(String head, String body) {
    String contentType = null;
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
        contentType = line.substring("content-type:".length()).strip();
      }
    }
    return new Response(Integer.parseInt(head.substring(9, 12)), contentType, body);
  }

  /** A GET on a fresh connection. */
  static Response get(int port, String path) throws IOException {
    try (Socket socket = open(port)) {
      OutputStream out = socket.getOutputStream();
      out.write(ascii("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
      out.flush();
      return read(socket.getInputStream());
    }
  }

  /** Response status and body of a POST whose body is sent as the given chunks (chunked transfer encoding). */
  static Response postChunked(int port, String path, String headers, List<byte[]> chunks) throws IOException {
    try (Socket socket = open(port)) {
      OutputStream out = socket.getOutputStream();
      out.write(ascii("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
          + "Transfer-Encoding: chunked\r\n" + headers + "\r\n"));
      for (byte[] chunk : chunks) {
        out.write(ascii(Integer.toHexString(chunk.length) + "\r\n"));
        out.write(chunk);
        out.write(ascii("\r\n"));
        out.flush();
      }
      out.write(ascii("0\r\n\r\n"));
      out.flush();
      return read(socket.getInputStream());
    }
  }

  /** A chunked POST sent in two steps, so that a test can act while the first half is in the server. */
  static final class SplitUpload implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;

    SplitUpload(int port, String path) throws IOException {
      socket = open(port);
      out = socket.getOutputStream();
      out.write(ascii("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n"));
    }

    void send(byte[] chunk) throws IOException {
      out.write(ascii(Integer.toHexString(chunk.length) + "\r\n"));
      out.write(chunk);
      out.write(ascii("\r\n"));
      out.flush();
    }

    Response finish() throws IOException {
      out.write(ascii("0\r\n\r\n"));
      out.flush();
      return read(socket.getInputStream());
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  static Response post(int port, String path, String headers, byte[] body) throws IOException {
    try (Socket socket = open(port)) {
      OutputStream out = socket.getOutputStream();
      out.write(ascii("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
          + "Content-Length: " + body.length + "\r\n" + headers + "\r\n"));
      out.write(body);
      out.flush();
      return read(socket.getInputStream());
    }
  }

  /**
   * A POST that says {@code Expect: 100-continue} and sends its body only after the server's interim answer;
   * returns the first answer's status line and, if it was 100, the final response.
   */
  static Response postAfterContinue(int port, String path, byte[] body, StringBuilder firstStatusLine) throws IOException {
    try (Socket socket = open(port)) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(ascii("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
          + "Expect: 100-continue\r\nContent-Length: " + body.length + "\r\n\r\n"));
      out.flush();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("closed before any answer");
        }
        head.write(b);
      }
      String text = head.toString(StandardCharsets.US_ASCII);
      firstStatusLine.append(text, 0, text.indexOf("\r\n"));
      if (!text.startsWith("HTTP/1.1 100")) {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        in.transferTo(rest);
        return response(text, rest.toString(StandardCharsets.UTF_8));
      }
      out.write(body);
      out.flush();
      return read(in);
    }
  }

  /** Sends a request head and part of a body, then drops the connection. */
  static void abandon(int port, String path, byte[] partOfBody) throws IOException {
    try (Socket socket = open(port)) {
      OutputStream out = socket.getOutputStream();
      out.write(ascii("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000000\r\n\r\n"));
      out.write(partOfBody);
      out.flush();
    }
  }

  private static Socket open(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(20_000);
    return socket;
  }

  /** Reads until the server closes the connection (the requests say Connection: close). */
  private static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int headEnd = text.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      throw new IOException("no complete response: " + text);
    }
    String head = text.substring(0, headEnd);
    if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
      throw new IOException("chunked responses are not expected here: " + text);
    }
    return response(head, text.substring(headEnd + 4));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
