package dev.showdown.data;

import dev.showdown.kit.RedisUrls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

  @Test
  void anUpstreamUrlGivesHostPortAndItemPath() {
    UpstreamAddress address = UpstreamAddress.parse("http://10.0.0.5:8090/api/");

    assertThat(address.host()).isEqualTo("10.0.0.5");
    assertThat(address.port()).isEqualTo(8090);
    assertThat(address.ssl()).isFalse();
    assertThat(address.itemPath(7)).isEqualTo("/api/items/7");
  }

  @Test
  void httpsDefaultsToPort443() {
    UpstreamAddress address = UpstreamAddress.parse("https://api.example.com");

    assertThat(address.ssl()).isTrue();
    assertThat(address.port()).isEqualTo(443);
    assertThat(address.itemPath(1)).isEqualTo("/items/1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:8090", "ftp://host", "http://", "http://host/x?y=1", "http://user:pw@host", "not a url"})
  void aBadUpstreamUrlIsRefused(String url) {
    assertThatThrownBy(() -> UpstreamAddress.parse(url)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPrintedUrlHidesItsPassword() {
    assertThat(RedisUrls.masked("redis://:secret@cache.internal:6380/2")).isEqualTo("redis://:***@cache.internal:6380/2");
  }
}
