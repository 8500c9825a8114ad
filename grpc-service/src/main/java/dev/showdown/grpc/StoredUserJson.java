package dev.showdown.grpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.showdown.proto.userservice.v1.User;

import java.io.IOException;

/**
 * Reads a user as the data-service stores it at Redis {@code user:{id}}: {@code {"id":1,"name":"user1","email":"..."}}.
 * Unknown fields are skipped; anything that is not such an object is rejected.
 */
public final class StoredUserJson {
  private static final JsonFactory JSON = new JsonFactory();

  private StoredUserJson() {
  }

  /** Thrown when the stored value is not a user object; the RPC answers INTERNAL, naming the key. */
  public static final class InvalidUserException extends RuntimeException {
    InvalidUserException(String reason) {
      super(reason, null, false, false);
    }
  }

  public static User parse(byte[] json) {
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidUserException("not a JSON object");
      }
      User.Builder user = User.newBuilder();
      boolean hasId = false;
      for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
        JsonToken value = parser.nextToken();
        switch (field) {
          case "id" -> {
            if (value != JsonToken.VALUE_NUMBER_INT) {
              throw new InvalidUserException("\"id\" is not an integer");
            }
            user.setId(parser.getLongValue());
            hasId = true;
          }
          case "name" -> user.setName(text(parser, value, field));
          case "email" -> user.setEmail(text(parser, value, field));
          default -> parser.skipChildren();
        }
      }
      if (!hasId) {
        throw new InvalidUserException("no \"id\"");
      }
      return user.build();
    } catch (IOException e) {
      throw new InvalidUserException("malformed JSON");
    }
  }

  private static String text(JsonParser parser, JsonToken value, String field) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return "";
    }
    if (value != JsonToken.VALUE_STRING) {
      throw new InvalidUserException("\"" + field + "\" is not a string");
    }
    return parser.getText();
  }
}
