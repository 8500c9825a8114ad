package dev.showdown.bench.verify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deliberately wrong implementation: a JDK HTTP server that passes every request on to a real service and
 * answers it as the service did, except the requests it was told to get wrong (a wrong body, status or
 * Content-Type), so exactly one difference stands out.
 */
public final class WrongStandIn implements AutoCloseable {
  private record Answer(int status, String contentType, String body) {
  }

  private final HttpServer server;
  private final String real;
  private final Map<String, Answer> wrong = new ConcurrentHashMap<>();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private WrongStandIn(String real) throws IOException {
    this.real = real;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  /** Answers as {@code realUrl} does until told otherwise. */
  public static WrongStandIn proxying(String realUrl) throws IOException {
    return new WrongStandIn(realUrl);
  }

  /** {@code request} ({@code "GET /fib/41"}) gets this answer instead of the real one. */
  public WrongStandIn answering(String request, int status, String contentType, String body) {
    wrong.put(request, new Answer(status, contentType, body));
    return this;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] request = exchange.getRequestBody().readAllBytes();
      Answer answer = wrong.get(exchange.getRequestMethod() + " " + exchange.getRequestURI());
      if (answer == null) {
        answer = forward(exchange, request);
      }
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private Answer forward(HttpExchange exchange, byte[] request) throws IOException {
    HttpRequest.Builder forwarded = HttpRequest.newBuilder(URI.create(real + exchange.getRequestURI()))
        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(request));
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if (encoding != null) {
      forwarded.header("Content-Encoding", encoding);
    }
    try {
      HttpResponse<String> response = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse("text/plain"), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
