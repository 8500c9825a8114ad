package dev.showdown.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON text checks and string quoting on raw bytes, so bodies can be passed through without a tree. */
public final class JsonText {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private JsonText() {
  }

  /** True if {@code bytes[0..length)} is exactly one JSON value (object, array, string, number, literal). */
  public static boolean isSingleValue(byte[] bytes, int length) {
    try (JsonParser parser = FACTORY.createParser(bytes, 0, length)) {
      if (parser.nextToken() == null) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  /** The JSON string literal (quotes included) for UTF-8 text; malformed UTF-8 becomes U+FFFD. */
  public static byte[] quote(byte[] utf8) {
    int extra = 2;
    for (byte b : utf8) {
      if (b < 0) {
        // Non-ASCII: let the decoder repair what is malformed, then Jackson escapes the string.
        return quoteDecoded(new String(utf8, StandardCharsets.UTF_8));
      }
      if (b < 0x20) {
        extra += 5;
      } else if (b == '"' || b == '\\') {
        extra += 1;
      }
    }
    byte[] out = new byte[utf8.length + extra];
    int at = 0;
    out[at++] = '"';
    for (byte b : utf8) {
      if (b < 0x20) {
        out[at++] = '\\';
        out[at++] = 'u';
        out[at++] = '0';
        out[at++] = '0';
        out[at++] = HEX[b >> 4];
        out[at++] = HEX[b & 0xf];
      } else {
        if (b == '"' || b == '\\') {
          out[at++] = '\\';
        }
        out[at++] = b;
      }
    }
    out[at] = '"';
    return out;
  }

  private static byte[] quoteDecoded(String text) {
    byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
    byte[] out = new byte[escaped.length + 2];
    out[0] = '"';
    System.arraycopy(escaped, 0, out, 1, escaped.length);
    out[out.length - 1] = '"';
    return out;
  }
}
