package dev.showdown.grpc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service as the bench starts it: its own JVM, the ready line, a call, then SIGTERM; and its refusals. */
class MainProcessTest {
  /** Start-up speed over peak speed: these children serve a call or two. */
  static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

  @Test
  void printsTheReadyLineWithTheGrpcPortAndStopsWithZeroOnSigterm() throws Exception {
    try (ServiceProcess service = ServiceProcess.start(QUICK_JVM, "--port", "0")) {
      int port = service.port();
      assertThat(port).isPositive();
      try (GrpcClient client = new GrpcClient(port)) {
        assertThat(client.getUser(42).getName()).isEqualTo("user42");
      }
      service.sigterm();
      assertThat(service.exitStatus()).isZero();
    }
  }

  /** The bench stops a service as soon as it has read the ready line: the signal handler must already be there. */
  @Test
  void sigtermTheMomentTheReadyLineAppearsStopsWithZeroEveryTime() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int run = 0; run < 20; run++) {
      try (ServiceProcess service = ServiceProcess.start(QUICK_JVM, Process::destroy, "--port", "0")) {
        statuses.add(service.exitStatus());
      }
    }
    assertThat(statuses).containsOnly(0);
  }

  @Test
  void exitsWithTwoAndAReasonWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0);
         ServiceProcess service = ServiceProcess.start(QUICK_JVM, "--port", Integer.toString(taken.getLocalPort()))) {
      assertThat(service.exitStatus()).isEqualTo(2);
      assertThat(service.stderr()).contains("grpc-service: cannot start on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--port=-5", "--port=65536", "--port=x", "--http-port=-2", "--redis-pool=0",
      "--redis-pool=-1", "--redis-timeout=0s", "--redis-timeout=soon", "--flow-control-window=0",
      "--flow-control-window=-1", "--executor=threads", "--max-calls-per-connection=0", "--max-rst-frames=0",
      "--max-connection-idle=0s", "--max-connection-age=0s", "--max-message-size=0", "--redis=localhost:6379",
      "--no-such-flag"})
  void anInvalidFlagValueExitsTwoWithOneLineSayingWhy(String flag) throws Exception {
    try (ServiceProcess service = ServiceProcess.start(QUICK_JVM, "--port", "0", flag)) {
      assertThat(service.exitStatus()).isEqualTo(2);
      String name = flag.substring(0, flag.contains("=") ? flag.indexOf('=') : flag.length());
      assertThat(service.stderr()).startsWith("grpc-service: ").contains(name).hasLineCount(1);
      assertThat(service.stdout()).isEmpty();
    }
  }
}
