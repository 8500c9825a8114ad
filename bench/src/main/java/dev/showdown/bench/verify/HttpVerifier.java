package dev.showdown.bench.verify;

import dev.showdown.kit.ServiceMain;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sends each {@link HttpCase} to one base URL with the JDK's HTTP/1.1 client and checks each answer. */
public final class HttpVerifier implements Verifier {
  /** Long enough for {@code /fib/35} by naive recursion in a slow interpreter on a busy machine. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

  private final String subject;
  private final URI base;
  private final List<HttpCase> cases;

  public HttpVerifier(String subject, String baseUrl, List<HttpCase> cases) {
    this.subject = subject;
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    this.cases = List.copyOf(cases);
  }

  @Override
  public Verification verify() {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    List<Check> checks = new ArrayList<>();
    for (HttpCase c : cases) {
      checks.add(check(client, c));
    }
    return new Verification(subject, checks);
  }

  private Check check(HttpClient client, HttpCase c) {
    HttpResponse<byte[]> response;
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + c.path())).timeout(ANSWER_TIMEOUT)
          .method(c.method(), publisher(c));
      c.headers().forEach(request::header);
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return Check.fail(c.name(), c.expected(), "no answer: " + ServiceMain.reason(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Check.fail(c.name(), c.expected(), "interrupted");
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("no Content-Type");
    String body = new String(response.body(), StandardCharsets.UTF_8);
    String got = response.statusCode() + ", " + contentType + ", " + body;
    if (response.statusCode() != c.status() || !isJson(contentType)) {
      return Check.fail(c.name(), c.expected(), got);
    }
    String difference = c.rule().difference(response.body());
    // The difference comes first: a long body is cut, and the place where it departs must not be.
    return difference == null ? Check.pass(c.name(), got)
        : Check.fail(c.name(), c.expected(), got.substring(0, got.length() - body.length()) + difference + " in " + body);
  }

  private static HttpRequest.BodyPublisher publisher(HttpCase c) throws IOException {
    if (c.bodyFile() != null) {
      return HttpRequest.BodyPublishers.ofFile(c.bodyFile());
    }
    return c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body());
  }

  /** {@code application/json}, with or without parameters such as {@code charset=utf-8}. */
  static boolean isJson(String contentType) {
    int semicolon = contentType.indexOf(';');
    String media = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return media.trim().toLowerCase(Locale.ROOT).equals("application/json");
  }
}
