package dev.showdown.logparse;

import dev.showdown.kit.Await;
import dev.showdown.kit.RunningService;
import dev.showdown.logparse.core.Counting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.showdown.logparse.core.Counting.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads that end early. A client that sends part of a large body and vanishes: the worker stops at the
 * chunk it is on, rather than counting the chunks queued for it (work is counted in tasks by the worker
 * pool's own metric). A body whose framing breaks: the upload is freed as well.
 */
class AbandonedUploadTest {
  private static final String COMPLETED = "vertx_pool_completed_total{pool_name=\"logparse-worker\",pool_type=\"worker\"}";
  /** One gzip member that inflates to 9 MB of lines, so that each 8 KiB chunk of it is worth some work. */
  static byte[] member;
  static RunningService service;

  @BeforeAll
  static void start() throws IOException {
    member = Counting.gzip(utf8("{\"user_id\":\"u1\"}\n".repeat(1 << 19)));
    service = RunningService.start(new LogparseService(1, 1L << 40, 4096, 64L << 20));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static long workerTasksDone() {
    return (long) service.metric(COMPLETED);
  }

  @Test
  void theWorkOfAVanishedClientStopsAtTheChunkUnderWay() throws Exception {
    long before = workerTasksDone();
    Socket client = new Socket("127.0.0.1", service.port());
    Thread sender = new Thread(() -> sendForever(client), "abandoned-upload");
    sender.start();
    // The client is far ahead of the worker: once a few chunks are counted, the queue before it is full.
    Await.until("3 chunks counted", () -> workerTasksDone() >= before + 3, Duration.ofSeconds(30));
    long atClose = workerTasksDone();
    client.setSoLinger(true, 0); // a reset: the client is gone, not just done sending
    client.close();
    sender.join(10_000);

    // The upload gives its memory back once its last task is done: then its work is over.
    awaitNothingHeld();
    // The chunk under way, and perhaps one begun as the reset arrived; not the 8 to 16 queued behind it.
    assertThat(workerTasksDone() - atClose).isLessThanOrEqualTo(2);
  }

  @Test
  void aMalformedChunkIsAnsweredAndFreesTheUpload() throws Exception {
    try (Socket client = new Socket("127.0.0.1", service.port())) {
      client.setSoTimeout(10_000);
      client.getOutputStream().write(("POST /uv HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "11\r\n{\"user_id\":\"u1\"}\n\r\nzz\r\n").getBytes(StandardCharsets.US_ASCII));
      // The kit answers a chunk its decoder refuses, then closes.
      String answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(answer).startsWith("HTTP/1.1 400").contains("application/json")
          .endsWith("{\"error\":\"malformed chunked body\"}");
    }
    awaitNothingHeld();
    assertThat(service.get("/health").statusCode()).isEqualTo(200);
  }

  /** Waits, up to 30 s, until no upload holds memory (as {@code /metrics} shows it): then none has work left. */
  private static void awaitNothingHeld() {
    Await.until("no upload memory held", () -> service.metric("logparse_upload_memory_bytes") == 0,
        Duration.ofSeconds(30));
  }

  private static void sendForever(Socket client) {
    try {
      OutputStream out = client.getOutputStream();
      out.write(("POST /uv HTTP/1.1\r\nHost: localhost\r\nContent-Encoding: gzip\r\nContent-Length: 1000000000000\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      while (true) {
        out.write(member);
      }
    } catch (IOException closed) {
      // The test closed the socket: that is the point.
    }
  }
}
