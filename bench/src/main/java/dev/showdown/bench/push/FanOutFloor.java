package dev.showdown.bench.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The service's own account of its floor: {@code push_fanout_slowest_seconds} from its {@code /metrics}, the
 * longest any event loop took from a tick's start to its last write of it. Latency can be read against it.
 */
final class FanOutFloor {
  private static final String METRIC = "push_fanout_slowest_seconds ";

  private FanOutFloor() {
  }

  /** Milliseconds, or NaN when the service does not publish it. */
  static double millis(String serviceUrl) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest request = HttpRequest.newBuilder(URI.create(serviceUrl + "/metrics")).timeout(Duration.ofSeconds(10)).build();
      for (String line : client.send(request, HttpResponse.BodyHandlers.ofString()).body().lines().toList()) {
        if (line.startsWith(METRIC)) {
          return Double.parseDouble(line.substring(METRIC.length()).trim()) * 1e3;
        }
      }
    } catch (Exception e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
