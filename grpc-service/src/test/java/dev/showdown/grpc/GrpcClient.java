package dev.showdown.grpc;

import dev.showdown.proto.userservice.v1.GetUserRequest;
import dev.showdown.proto.userservice.v1.User;
import dev.showdown.proto.userservice.v1.UserServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real grpc-netty client over loopback TCP to a server under test. */
final class GrpcClient implements AutoCloseable {
  final ManagedChannel channel;
  final UserServiceGrpc.UserServiceBlockingStub users;

  GrpcClient(int port) {
    channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    users = UserServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  User getUser(long id) {
    return users.getUser(GetUserRequest.newBuilder().setUserId(id).build());
  }

  /** Asserts that GetUser(id) fails with {@code code} and a description containing {@code message}. */
  void assertFails(long id, Status.Code code, String message) {
    assertThatThrownBy(() -> getUser(id))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.getStatus().getCode()).isEqualTo(code);
          org.assertj.core.api.Assertions.assertThat(e.getStatus().getDescription()).contains(message);
        });
  }

  /** Asserts that GetUser(id) fails with {@code code} and exactly {@code description}. */
  void assertFailsExactly(long id, Status.Code code, String description) {
    assertThatThrownBy(() -> getUser(id))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.getStatus().getCode()).isEqualTo(code);
          org.assertj.core.api.Assertions.assertThat(e.getStatus().getDescription()).isEqualTo(description);
        });
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
