package dev.showdown.bench.grpc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrpcTargetTest {

  @Test
  void readsHostPortWithOrWithoutAScheme() {
    assertThat(GrpcTarget.parse("127.0.0.1:9090")).isEqualTo(new GrpcTarget("127.0.0.1", 9090));
    assertThat(GrpcTarget.parse("http://localhost:50051/")).isEqualTo(new GrpcTarget("localhost", 50051));
    assertThat(GrpcTarget.parse("grpc://[::1]:9090")).isEqualTo(new GrpcTarget("::1", 9090));
    assertThat(GrpcTarget.parse("[::1]:9090")).hasToString("[::1]:9090");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "9090", ":9090", "host:", "host:0", "host:65536", "host:http", "host:99999999999"})
  void rejectsWhatIsNotHostPort(String text) {
    assertThatThrownBy(() -> GrpcTarget.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host:port");
  }
}
