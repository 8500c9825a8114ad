package dev.showdown.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** The encoded HTTP/1.1 requests of a load, built once: one per path, or one per id for {@code {id}} paths. */
final class RequestSource {
  private final byte[][] requests;

  RequestSource(String hostHeader, HttpLoad load) {
    if (load.randomIds()) {
      requests = new byte[load.maxId()][];
      for (int id = 1; id <= load.maxId(); id++) {
        requests[id - 1] = encode(hostHeader, load.pathFor(id));
      }
    } else {
      requests = new byte[][] {encode(hostHeader, load.path())};
    }
  }

  private static byte[] encode(String hostHeader, String path) {
    return ("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** The next request to send; random ids are drawn uniformly. */
  ByteBuf next() {
    byte[] request = requests.length == 1 ? requests[0] : requests[ThreadLocalRandom.current().nextInt(requests.length)];
    return Unpooled.wrappedBuffer(request);
  }
}
