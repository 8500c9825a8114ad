package dev.showdown.kit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisUrlsTest {

  @ParameterizedTest
  @ValueSource(strings = {"redis://127.0.0.1:6379", "redis://:s3cret@cache:6380/2", "rediss://cache", "unix:///run/redis.sock"})
  void urlsTheClientTakesAreAccepted(String url) {
    assertThat(RedisUrls.check(url)).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1:6379", "http://cache", "redis://", "redis://:s3cret@cache:6379/two",
      "redis://:s3 cret@cache", "redis://:s3cret@cache:port", "redis//:s3cret@cache:6379", "redis://?PASSWORD=s3cret",
      "redis://app:s3cret@cache:6379/db"})
  void anythingElseIsRefusedWithoutShowingThePassword(String url) {
    assertThatThrownBy(() -> RedisUrls.check(url)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected redis://").hasMessageNotContaining("s3cret");
  }

  @Test
  void asAFlagABlankValueIsNoneAndABadOneIsRefusedMasked() {
    RedisUrls.Converter converter = new RedisUrls.Converter();

    assertThat(converter.convert(" ")).isNull();
    assertThat(converter.convert("redis://:s3cret@cache:6379")).isEqualTo("redis://:s3cret@cache:6379");
    assertThatThrownBy(() -> converter.convert("redis://:s3cret@cache:6379/two"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("expected redis://[[user]:password@]host[:port][/db], rediss://... or unix:///path, "
            + "got 'redis://:***@cache:6379/two'");
  }
}
