package dev.showdown.push.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * What a node puts on the relay channel: its own random origin, a space, then the message. The node that
 * published a message has already pushed it to its own connections, so it knows its echo and skips it.
 */
public final class RelayEnvelope {
  private static final int ORIGIN_LENGTH = 16;

  private final byte[] origin;

  public RelayEnvelope(RandomGenerator random) {
    this.origin = HexFormat.of().toHexDigits(random.nextLong()).getBytes(StandardCharsets.US_ASCII);
  }

  public byte[] seal(byte[] message) {
    byte[] sealed = Arrays.copyOf(origin, ORIGIN_LENGTH + 1 + message.length);
    sealed[ORIGIN_LENGTH] = ' ';
    System.arraycopy(message, 0, sealed, ORIGIN_LENGTH + 1, message.length);
    return sealed;
  }

  /** The message another node published, or null for this node's own echo and for what no node sealed. */
  public byte[] openForeign(byte[] sealed) {
    if (sealed.length <= ORIGIN_LENGTH || sealed[ORIGIN_LENGTH] != ' '
        || Arrays.equals(sealed, 0, ORIGIN_LENGTH, origin, 0, ORIGIN_LENGTH)) {
      return null;
    }
    return Arrays.copyOfRange(sealed, ORIGIN_LENGTH + 1, sealed.length);
  }
}
