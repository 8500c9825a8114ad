package dev.showdown.grpc;

import dev.showdown.kit.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service as the bench starts it: its own JVM, the ready line, a call, then SIGTERM; and its refusals. */
class MainProcessTest {
  @Test
  void printsTheReadyLineWithTheGrpcPortAndStopsWithZeroOnSigterm() throws Exception {
    try (ServiceProcess service = GrpcProcess.start("--port", "0")) {
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
      try (ServiceProcess service = GrpcProcess.start(Process::destroy, "--port", "0")) {
        statuses.add(service.exitStatus());
      }
    }
    assertThat(statuses).containsOnly(0);
  }

  /** A SIGTERM while the server starts (after the first line, before the ready line) stops it with 0, not 143. */
  @Test
  void sigtermDuringStartUpStopsWithZero() throws Exception {
    for (int run = 0; run < 3; run++) {
      try (ServiceProcess service = GrpcProcess.start(line -> true, process -> process.toHandle().destroy(),
          "--port", "0")) {
        assertThat(service.exitStatus()).as("exit status of run %d; %s", run, service.output()).isZero();
        assertThat(service.stdout()).startsWith("grpc-service starting on 127.0.0.1:0\n")
            .contains("grpc-service stopped\n");
      }
    }
  }

  @Test
  void exitsWithTwoAndAReasonWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0);
         ServiceProcess service = GrpcProcess.start("--port", Integer.toString(taken.getLocalPort()))) {
      assertThat(service.exitStatus()).isEqualTo(2);
      assertThat(service.stderr()).contains("grpc-service: cannot start on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "--port=-5                    | Invalid value for option '--port': -5 is not a port (expected 0..65535)",
      "--port=65536                 | Invalid value for option '--port': 65536 is not a port (expected 0..65535)",
      "--port=x                     | Invalid value for option '--port': 'x' is not a port (expected 0..65535)",
      "--http-port=-2               | Invalid value for option '--http-port': -2 is not a port or -1 (expected -1..65535)",
      "--redis-pool=0               | Invalid value for option '--redis-pool': 0 is not a Redis pool size (expected 1..1024)",
      "--redis-pool=-1              | Invalid value for option '--redis-pool': -1 is not a Redis pool size (expected 1..1024)",
      "--redis-timeout=0s           | --redis-timeout must be at least 1ms",
      "--redis-timeout=soon         | Invalid value for option '--redis-timeout': not a duration: 'soon' (write e.g. 500ms, 10s, 2m)",
      "--flow-control-window=0      | --flow-control-window must be at least 1",
      "--flow-control-window=-1     | --flow-control-window must be at least 1",
      "--executor=threads           | Invalid value for option '--executor': expected one of [direct, pool] (case-sensitive) but was 'threads'",
      "--max-calls-per-connection=0 | --max-calls-per-connection must be at least 1",
      "--max-rst-frames=0           | --max-rst-frames must be at least 1",
      "--max-connection-idle=0s     | --max-connection-idle must be at least 1ms",
      "--max-connection-age=0s      | --max-connection-age must be at least 1ms",
      "--max-message-size=0         | --max-message-size must be at least 1",
      "--redis=localhost:6379       | Invalid value for option '--redis': expected redis://[[user]:password@]host[:port][/db], rediss://... or unix:///path, got 'localhost:6379'",
      "--no-such-flag               | Unknown option: '--no-such-flag'",
  })
  void anInvalidFlagValueExitsTwoWithOneLineSayingWhy(String flag, String reason) throws Exception {
    try (ServiceProcess service = GrpcProcess.start("--port", "0", flag)) {
      assertThat(service.exitStatus()).isEqualTo(2);
      assertThat(service.stderr()).isEqualTo("grpc-service: " + reason + "\n");
      assertThat(service.stdout()).isEmpty();
    }
  }
}
