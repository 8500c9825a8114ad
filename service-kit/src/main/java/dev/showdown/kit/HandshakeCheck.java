package dev.showdown.kit;

import java.util.Base64;
import java.util.Locale;

/**
 * The requirements of RFC 6455 section 4.2.1 on a WebSocket opening handshake, checked before Vert.x performs it,
 * because Vert.x answers a handshake it refuses with a plain-text or empty body.
 */
final class HandshakeCheck {
  /** The only version RFC 6455 defines; a client asking for another is told this one (426). */
  static final String VERSION = "13";
  private static final int KEY_BYTES = 16;

  /** Why a handshake is refused: the status and the reason the client is told. */
  record Refusal(int status, String reason) {
  }

  private HandshakeCheck() {
  }

  /** The refusal for a request with these header values (each {@code null} if absent), or {@code null}. */
  static Refusal refusal(String method, String upgrade, String connection, String key, String version) {
    if (!hasToken(upgrade, "websocket")) {
      return new Refusal(400, "expected a WebSocket upgrade");
    }
    if (!method.equals("GET")) {
      return new Refusal(405, "method not allowed");
    }
    if (!hasToken(connection, "upgrade")) {
      return new Refusal(400, "expected Connection: Upgrade");
    }
    if (!isKey(key)) {
      return new Refusal(400, "missing or malformed Sec-WebSocket-Key");
    }
    if (version == null || !version.trim().equals(VERSION)) {
      return new Refusal(426, "unsupported WebSocket version (expected " + VERSION + ")");
    }
    return null;
  }

  private static boolean hasToken(String value, String token) {
    if (value == null) {
      return false;
    }
    for (String part : value.split(",")) {
      if (part.trim().toLowerCase(Locale.ROOT).equals(token)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isKey(String key) {
    if (key == null) {
      return false;
    }
    try {
      return Base64.getDecoder().decode(key.trim()).length == KEY_BYTES;
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }
}
