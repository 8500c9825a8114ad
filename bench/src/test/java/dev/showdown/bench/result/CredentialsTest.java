package dev.showdown.bench.result;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTest {

  @Test
  void hidesThePasswordAndKeepsTheUser() {
    assertThat(Credentials.mask("redis://:pw@127.0.0.1:6379")).isEqualTo("redis://:***@127.0.0.1:6379");
    assertThat(Credentials.mask("rediss://default:pw@cache.example:6380/2")).isEqualTo("rediss://default:***@cache.example:6380/2");
  }

  @Test
  void hidesABareUserInfoWholeAsTheServicesDo() {
    assertThat(Credentials.mask("https://ghp_token@git.example/x")).isEqualTo("https://:***@git.example/x");
  }

  @Test
  void hidesAPasswordHoldingAnAt() {
    assertThat(Credentials.mask("redis://:p@ss@host:1")).isEqualTo("redis://:***@host:1");
  }

  @Test
  void hidesEveryUrlInALineAndLeavesTheRest() {
    assertThat(Credentials.mask("seeding in redis://:a@h:1; --redis=redis://u:b@h:2 and mail me@example.com"))
        .isEqualTo("seeding in redis://:***@h:1; --redis=redis://u:***@h:2 and mail me@example.com");
    assertThat(Credentials.mask("http://127.0.0.1:8080/ping")).isEqualTo("http://127.0.0.1:8080/ping");
    assertThat(Credentials.mask(null)).isNull();
  }

  @Test
  void aMaskedUrlStaysAsItIs() {
    assertThat(Credentials.mask("redis://:***@h:1")).isEqualTo("redis://:***@h:1");
  }
}
