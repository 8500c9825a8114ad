package dev.showdown.ping;

import java.nio.charset.StandardCharsets;

/** The contract's ping answer, byte for byte. */
public final class PongBody {
  public static final String JSON = "{\"message\":\"pong\"}";

  private PongBody() {
  }

  public static byte[] bytes() {
    return JSON.getBytes(StandardCharsets.US_ASCII);
  }
}
