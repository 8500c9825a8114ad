package dev.showdown.data;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DataBodyTest {

  @Test
  void placesTheApiBytesVerbatimBesideTheQuotedCache() {
    byte[] body = DataBody.assemble(bytes("{\"id\":1, \"x\":[1]}"), bytes("v\"1"));

    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"api\":{\"id\":1, \"x\":[1]},\"cache\":\"v\\\"1\"}");
  }

  @Test
  void anAbsentCacheIsNull() {
    assertThat(new String(DataBody.assemble(bytes("[]"), null), StandardCharsets.UTF_8))
        .isEqualTo("{\"api\":[],\"cache\":null}");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
