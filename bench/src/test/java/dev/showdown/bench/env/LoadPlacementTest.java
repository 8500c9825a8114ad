package dev.showdown.bench.env;

import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LoadPlacementTest {
  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal); // a literal is parsed, never looked up
  }

  @Test
  void loopbackTargetsShareTheMachineWhateverItsAddresses() throws Exception {
    assertThat(LoadPlacement.sameMachine(List.of(ip("127.0.0.1")), Set.of())).isTrue();
    assertThat(LoadPlacement.sameMachine(List.of(ip("127.5.6.7")), Set.of())).isTrue();
    assertThat(LoadPlacement.sameMachine(List.of(ip("::1")), Set.of())).isTrue();
  }

  @Test
  void anAddressOfThisMachineSharesItAndAnyOtherDoesNot() throws Exception {
    Set<InetAddress> mine = Set.of(ip("10.1.2.3"), ip("fe80::1"));

    assertThat(LoadPlacement.sameMachine(List.of(ip("10.1.2.3")), mine)).isTrue();
    assertThat(LoadPlacement.sameMachine(List.of(ip("10.1.2.4")), mine)).isFalse();
    assertThat(LoadPlacement.sameMachine(List.of(ip("10.1.2.3"), ip("192.0.2.1")), mine))
        .as("a name that also resolves elsewhere may be measured elsewhere").isFalse();
    assertThat(LoadPlacement.sameMachine(List.of(), mine)).isFalse();
  }

  @Test
  void targetUrlsAreJudgedByTheirHost() throws Exception {
    assertThat(LoadPlacement.sameMachine("http://127.0.0.1:9000")).isTrue();
    assertThat(LoadPlacement.sameMachine("http://localhost:9000/base")).isTrue();
    assertThat(LoadPlacement.sameMachine("http://[::1]:9000")).isTrue();
    // 192.0.2.0/24 is TEST-NET-1, documentation only: no machine running these tests holds it.
    assertThat(LoadPlacement.sameMachine("http://192.0.2.1:9000")).isFalse();
    assertThat(LoadPlacement.sameMachine("http://no-such-host.invalid:9000")).isFalse();
    LoadPlacement.thisMachine().stream().filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst()
        .ifPresent(own -> assertThat(LoadPlacement.sameMachine("http://" + own.getHostAddress() + ":9000"))
            .as("this machine's own address " + own).isTrue());
  }
}
