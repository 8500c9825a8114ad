package dev.showdown.grpc;

import dev.showdown.proto.userservice.v1.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredUserJsonTest {

  private static User parse(String json) {
    return StoredUserJson.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheSeededShape() {
    assertThat(parse("{\"id\":1,\"name\":\"user1\",\"email\":\"user1@example.com\"}"))
        .isEqualTo(GeneratedUsers.user(1));
  }

  @Test
  void skipsUnknownFieldsWhateverTheirShape() {
    User user = parse("{\"tags\":[{\"id\":\"x\"}],\"id\":9,\"meta\":{\"name\":\"no\"},\"name\":\"n\\u00e9\",\"email\":null}");
    assertThat(user.getId()).isEqualTo(9);
    assertThat(user.getName()).isEqualTo("n\u00e9");
    assertThat(user.getEmail()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "\"user1\"", "{\"name\":\"user1\"}", "{\"id\":\"1\"}", "{\"id\":1,\"name\":2}",
      "{\"id\":1,\"name\":\"us", "{\"id\":99999999999999999999}", "not json"})
  void rejectsWhatIsNotAUser(String json) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(StoredUserJson.InvalidUserException.class);
  }
}
