package dev.showdown.data;

import java.nio.charset.StandardCharsets;

/** Assembles the {@code /data} answer {@code {"api":<upstream JSON>,"cache":<string or null>}} from raw bytes. */
public final class DataBody {
  private static final byte[] API = "{\"api\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CACHE = ",\"cache\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

  private DataBody() {
  }

  /**
   * @param api   the upstream body, already checked to be one JSON value; copied verbatim
   * @param cache the Redis value as UTF-8, or null when the key is absent
   */
  public static byte[] assemble(byte[] api, byte[] cache) {
    byte[] cacheJson = cache == null ? NULL : JsonText.quote(cache);
    byte[] out = new byte[API.length + api.length + CACHE.length + cacheJson.length + 1];
    int at = put(out, 0, API);
    at = put(out, at, api);
    at = put(out, at, CACHE);
    at = put(out, at, cacheJson);
    out[at] = '}';
    return out;
  }

  private static int put(byte[] out, int at, byte[] part) {
    System.arraycopy(part, 0, out, at, part.length);
    return at + part.length;
  }
}
