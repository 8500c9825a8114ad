package dev.showdown.bench.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TargetTest {

  @Test
  void readsANameOrAScenarioAndName() {
    assertThat(Target.parse("go", "http://10.0.0.2:8080/")).isEqualTo(new Target(null, "go", "http://10.0.0.2:8080"));
    assertThat(Target.parse("ping:gin", "https://gin.example")).isEqualTo(new Target("ping", "gin", "https://gin.example"));
  }

  @Test
  void readsABareHostPortAsPlainHttp() {
    assertThat(Target.parse("grpc:go", "127.0.0.1:50051").url()).isEqualTo("http://127.0.0.1:50051");
    assertThat(Target.parse("go", "[::1]:9090").url()).isEqualTo("http://[::1]:9090");
  }

  @Test
  void refusesWhatIsNeitherAUrlNorHostPort() {
    assertThatIllegalArgumentException().isThrownBy(() -> Target.parse("go", "ftp://host:21")).withMessageContaining("host:port");
    assertThatIllegalArgumentException().isThrownBy(() -> Target.parse("go", "host")).withMessageContaining("http://");
  }

  @Test
  void appliesToItsScenarioOrToAll() {
    assertThat(Target.parse("go", "host:1").appliesTo("ping")).isTrue();
    assertThat(Target.parse("grpc:go", "host:1").appliesTo("ping")).isFalse();
    assertThat(Target.parse("grpc:go", "host:1").appliesTo("grpc")).isTrue();
  }
}
