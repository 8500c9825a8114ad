package dev.showdown.bench.env;

import dev.showdown.bench.redis.EmbeddedRedis;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** INFO server asked of a real redis-server (the embedded one) and of a port where nothing answers. */
class RedisVersionTest {
  @Test
  void aRunningRedisNamesItsVersion() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start()) {
      URI url = URI.create(redis.url());

      assertThat(RedisVersion.of(url.getHost(), url.getPort())).matches("\\d+\\.\\d+\\.\\d+");
      assertThat(RedisVersion.orUnknown(redis.url())).isEqualTo(RedisVersion.of(url.getHost(), url.getPort()));
    }
  }

  @Test
  void noRedisIsAnErrorOrUnknownNeverAVersion() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }

    assertThatThrownBy(() -> RedisVersion.of("127.0.0.1", port)).isInstanceOf(IOException.class);
    assertThat(RedisVersion.orUnknown("redis://127.0.0.1:" + port)).startsWith("unknown (");
  }

  @Test
  void theVersionLineIsFoundAmongTheOthers() throws Exception {
    String info = "# Server\r\nredis_git_sha1:00000000\r\nredis_version:6.2.6\r\nredis_mode:standalone\r\n";

    assertThat(RedisVersion.version(info)).isEqualTo("6.2.6");
    assertThatThrownBy(() -> RedisVersion.version("# Server\r\n")).isInstanceOf(IOException.class);
  }
}
