package dev.showdown.grpc;

import dev.showdown.proto.userservice.v1.GetUserRequest;
import dev.showdown.proto.userservice.v1.UserServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The services on grpc-java's in-process transport: no port, no Netty, the same answers as over the network. */
class UserServicesInProcessTest {
  private final String name = InProcessServerBuilder.generateName();
  private final HealthStatusManager health = new HealthStatusManager();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws IOException {
    server = UserServices.addTo(InProcessServerBuilder.forName(name).directExecutor(), new InMemoryUserStore(100), health,
        new RejectedRequests()).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void getUserAnswersFromTheStoreAndMapsItsOutcomesToStatuses() {
    UserServiceGrpc.UserServiceBlockingStub users = UserServiceGrpc.newBlockingStub(channel);

    assertThat(users.getUser(GetUserRequest.newBuilder().setUserId(7).build())).isEqualTo(GeneratedUsers.user(7));
    assertThatThrownBy(() -> users.getUser(GetUserRequest.newBuilder().setUserId(101).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    assertThatThrownBy(() -> users.getUser(GetUserRequest.newBuilder().setUserId(0).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
  }

  @Test
  void theHealthServiceAnswersWhatItsManagerSays() {
    health.setStatus(UserServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);

    assertThat(HealthGrpc.newBlockingStub(channel)
        .check(HealthCheckRequest.newBuilder().setService(UserServiceGrpc.SERVICE_NAME).build()).getStatus())
        .isEqualTo(ServingStatus.SERVING);
  }
}
