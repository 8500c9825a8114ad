package dev.showdown.logparse.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;

/**
 * The baseline: Jackson's streaming parser, matching the top-level key with {@code nextFieldName} against a
 * pre-encoded name and skipping every other value with {@code skipChildren}. Not thread-safe (scratch state).
 */
public final class JacksonUserIdParser implements UserIdParser {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final SerializedString USER_ID = new SerializedString("user_id");

  private byte[] key = new byte[256];
  private int keyLength;

  @Override
  public LineVerdict parse(byte[] line, int from, int to, UserSet users) {
    try (JsonParser parser = FACTORY.createParser(line, from, to - from)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return LineVerdict.NOT_AN_OBJECT;
      }
      LineVerdict found = LineVerdict.NO_USER_ID;
      while (true) {
        if (parser.nextFieldName(USER_ID)) {
          found = readId(parser);
        } else if (parser.currentToken() == JsonToken.END_OBJECT) {
          break;
        } else {
          parser.nextToken();
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        return LineVerdict.INVALID_JSON;
      }
      if (found == LineVerdict.COUNTED) {
        users.add(key, 0, keyLength);
      }
      return found;
    } catch (JsonEOFException e) {
      return LineVerdict.TRUNCATED;
    } catch (StreamConstraintsException e) {
      return LineVerdict.TOO_DEEP;
    } catch (IOException e) {
      String message = e.getMessage();
      return message != null && message.contains("UTF-8") ? LineVerdict.INVALID_UTF8 : LineVerdict.INVALID_JSON;
    }
  }

  /** Reads the value of a top-level user_id into {@link #key}; a later duplicate overwrites it. */
  private LineVerdict readId(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_STRING) {
      int length = parser.getTextLength();
      if (key.length < length * 3) {
        key = new byte[length * 3];
      }
      keyLength = Wtf8.encode(parser.getTextCharacters(), parser.getTextOffset(), length, key);
      return LineVerdict.COUNTED;
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      String digits = parser.getText();
      if (digits.equals("-0")) {
        digits = "0";
      }
      if (key.length < digits.length()) {
        key = new byte[digits.length()];
      }
      keyLength = digits.length();
      for (int i = 0; i < keyLength; i++) {
        key[i] = (byte) digits.charAt(i);
      }
      return LineVerdict.COUNTED;
    }
    parser.skipChildren();
    return LineVerdict.BAD_USER_ID;
  }
}
