package dev.showdown.bench.logparse;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts a log file to {@code POST /uv} from a few client threads, one request in flight each, for a fixed
 * time after a warm-up; the file streams from disk, and every answer is checked against the expected count.
 */
final class UvPostLoad {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

  record Result(long requests, long failures, long wrongAnswers, double seconds, long bodyBytes, Histogram latencyMicros,
                String firstProblem) {
    double qps() {
      return requests / seconds;
    }

    double megabytesPerSecond() {
      return requests * (double) bodyBytes / 1e6 / seconds;
    }
  }

  private final URI uri;
  private final Path file;
  private final UvAnswer expected;
  private final HttpClient client;
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong wrongAnswers = new AtomicLong();
  private volatile String firstProblem;

  UvPostLoad(URI uri, Path file, UvAnswer expected) {
    this.uri = uri;
    this.file = file;
    this.expected = expected;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  void warmUp(int connections, Duration duration) throws InterruptedException {
    drive(connections, duration);
    failures.set(0);
    wrongAnswers.set(0);
    firstProblem = null;
  }

  Result measure(int connections, Duration duration) throws IOException, InterruptedException {
    long start = System.nanoTime();
    List<Histogram> histograms = drive(connections, duration);
    double seconds = (System.nanoTime() - start) / 1e9;
    Histogram all = new Histogram(3);
    histograms.forEach(all::add);
    return new Result(all.getTotalCount(), failures.get(), wrongAnswers.get(), seconds, Files.size(file), all, firstProblem);
  }

  private List<Histogram> drive(int connections, Duration length) throws InterruptedException {
    long end = System.nanoTime() + length.toNanos();
    List<Histogram> histograms = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Histogram histogram = new Histogram(3);
      histograms.add(histogram);
      Thread thread = new Thread(() -> postUntil(end, histogram), "uv-post-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return histograms;
  }

  private void postUntil(long end, Histogram latencies) {
    while (System.nanoTime() < end) {
      long sent = System.nanoTime();
      try {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          problem(failures, "status " + response.statusCode() + ": " + response.body());
        } else if (!UvAnswer.parse(response.body()).sameCountAs(expected)) {
          problem(wrongAnswers, "expected " + expected + ", got " + response.body());
        } else {
          latencies.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
        }
      } catch (IOException e) {
        problem(failures, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void problem(AtomicLong counter, String what) {
    counter.incrementAndGet();
    if (firstProblem == null) {
      firstProblem = what;
    }
  }
}
