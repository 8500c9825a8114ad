package dev.showdown.logparse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showdown.kit.Await;
import dev.showdown.kit.MetricSamples;
import dev.showdown.kit.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.showdown.logparse.core.Counting.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of uploads that stall inside a long line, against the service in a small heap of its own: they
 * hold no more than {@code --upload-memory}, the rest are refused with 503, and the service lives on.
 */
class UploadMemoryTest {
  private static final int MAX_STALLED = 400;
  /** Without a budget, this many stalled uploads hold 75 MB of line buffers: more than the heap. */
  private static final int HEAP_FILLED = 150;
  /** A line start this long makes an upload's line buffer grow to 512 KiB. */
  private static final byte[] LONG_LINE_START = utf8("{\"user_id\":\"" + "x".repeat(300_000));
  private static final byte[] LONG_LINE = utf8("{\"user_id\":\"" + "y".repeat(1_000_000) + "\"}\n");
  private static final long BUDGET = 16L << 20;

  @Test
  void stalledUploadsPastTheBudgetAre503AndTheServiceLivesOn() throws Exception {
    // Any OutOfMemoryError ends the process, so a heap that did not hold is seen at once.
    try (ServiceProcess service = ServiceProcess.start(Main.class, List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"),
        "--host", "127.0.0.1", "--port", "0", "--upload-memory", "16m", "--max-line", "1m",
        "--event-loops", "2", "--workers", "2")) {
      List<Socket> stalled = new ArrayList<>();
      RawHttp.Response refused = null;
      try {
        // Uploads stall until one more long line finds no room: the budget is then full of stalled lines.
        for (int i = 0; i < MAX_STALLED && refused == null; i++) {
          try {
            stalled.add(stall(service.port()));
            if (i >= HEAP_FILLED && i % 10 == 0) {
              RawHttp.Response answer = RawHttp.post(service.port(), "/uv", "", LONG_LINE);
              refused = answer.status() == 503 ? answer : null;
            }
          } catch (IOException e) {
            throw new AssertionError("upload " + i + " failed (" + e + "); the service said: " + service.output());
          }
        }
        assertThat(service.isAlive()).as(service.output()).isTrue();
        assertThat(RawHttp.get(service.port(), "/health").status()).isEqualTo(200);
        assertThat(refused).as("no upload was refused").isNotNull();
        assertThat(refused.contentType()).isEqualTo("application/json");
        assertThat(new ObjectMapper().readTree(refused.body()).get("error").asText()).contains("--upload-memory");
        // /metrics shows the budget full of stalled lines, yet within it, and the refusal counted.
        assertThat(heldBytes(service.port())).isBetween(BUDGET / 2.0, (double) BUDGET);
        assertThat(metric(service.port(), "logparse_upload_memory_refused_total")).isGreaterThanOrEqualTo(1);
      } finally {
        for (Socket socket : stalled) {
          socket.close();
        }
      }
      // The vanished uploads give all their memory back, and a long line is counted again.
      Await.until("no upload memory held", () -> heldBytes(service.port()) == 0, Duration.ofSeconds(30));
      assertThat(RawHttp.post(service.port(), "/uv", "", LONG_LINE).status()).isEqualTo(200);
      assertThat(service.isAlive()).as(service.output()).isTrue();
    }
  }

  private static double heldBytes(int port) {
    return metric(port, "logparse_upload_memory_bytes");
  }

  private static double metric(int port, String sample) {
    try {
      return MetricSamples.value(RawHttp.get(port, "/metrics").body(), sample);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An upload that sends the start of a long line, then nothing more. */
  private static Socket stall(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    OutputStream out = socket.getOutputStream();
    out.write(("POST /uv HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(LONG_LINE_START);
    out.flush();
    return socket;
  }
}
