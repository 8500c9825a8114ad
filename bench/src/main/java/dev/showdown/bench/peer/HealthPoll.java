package dev.showdown.bench.peer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until {@code GET /health} answers 200: a multi-process server (uvicorn's workers) prints its ready line
 * once its socket is bound, before its workers accept.
 */
public final class HealthPoll {
  private static final Duration PERIOD = Duration.ofMillis(100);

  private HealthPoll() {
  }

  public static void await(String baseUrl, Duration bound) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PERIOD.multipliedBy(10)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/health")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + bound.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return;
        }
        last = "status " + status;
      } catch (IOException e) {
        last = e.getClass().getSimpleName();
      }
      Thread.sleep(PERIOD.toMillis());
    }
    throw new IOException("GET " + baseUrl + "/health did not answer 200 within " + bound.toSeconds() + " s (last: " + last + ")");
  }
}
