package dev.showdown.kit;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.transport.Transport;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NetTransportTest {

  @ParameterizedTest
  @CsvSource({"native,NATIVE", "io_uring,IO_URING", "IO-URING,IO_URING", " nio ,NIO"})
  void namesParseWhateverTheirCase(String name, NetTransport expected) {
    assertThat(NetTransport.parse(name)).isEqualTo(expected);
  }

  @Test
  void anUnknownNameSaysWhatIsExpected() {
    assertThatThrownBy(() -> NetTransport.parse("kqueue2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("native, io_uring or nio");
  }

  @Test
  void aServiceRunsAndSaysSoOnNio() {
    assertServesOn(NetTransport.NIO, "nio");
  }

  @Test
  void aServiceRunsAndSaysSoOnIoUringWhereTheKernelAllowsIt() {
    assumeTrue(Transport.IO_URING.available(), "io_uring unavailable here");
    assertServesOn(NetTransport.IO_URING, "io_uring");
  }

  @Test
  void ioUringWhereItIsUnavailableFailsTheStartWithTheReason() {
    assumeTrue(!Transport.IO_URING.available(), "io_uring is available here");
    assertThatThrownBy(() -> ServiceServer.start(new ServiceServerTest.ProbeService(),
        ServiceOptions.loopback(1).withTransport(NetTransport.IO_URING)).await())
        .hasMessageContaining("io_uring transport unavailable");
  }

  private static void assertServesOn(NetTransport transport, String reported) {
    try (RunningService service = RunningService.start(new ServiceServerTest.ProbeService(),
        ServiceOptions.loopback(1).withTransport(transport))) {
      HttpResponse<Buffer> response = service.get("/health");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(service.server().transport()).isEqualTo(reported);
    }
  }
}
