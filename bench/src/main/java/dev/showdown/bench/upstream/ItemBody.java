package dev.showdown.bench.upstream;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/** The stub's item: about 200 bytes of JSON that name the id, so a reader can tell answers apart. */
public final class ItemBody {
  private static final byte[] HEAD = "{\"id\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TAIL = (",\"name\":\"stub item\",\"price\":19.99,\"currency\":\"EUR\",\"stock\":42,"
      + "\"tags\":[\"alpha\",\"beta\",\"gamma\"],\"updated\":\"2025-06-01T12:00:00Z\","
      + "\"description\":\"A fixed item from the Showdown upstream stub.\"}").getBytes(StandardCharsets.US_ASCII);

  private ItemBody() {
  }

  /** The item for {@code id} as text: what an implementation of {@code /data/{id}} must pass on as {@code api}. */
  public static String json(long id) {
    return of(Long.toString(id)).toString(StandardCharsets.US_ASCII);
  }

  /** The item for the decimal {@code id} (its digits are written as they came). */
  static Buffer of(String id) {
    return Buffer.buffer(HEAD.length + id.length() + TAIL.length)
        .appendBytes(HEAD)
        .appendString(id, "US-ASCII")
        .appendBytes(TAIL);
  }
}
