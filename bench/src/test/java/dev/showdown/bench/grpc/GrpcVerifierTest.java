package dev.showdown.bench.grpc;

import dev.showdown.bench.verify.Verification;
import dev.showdown.grpc.GrpcOptions;
import dev.showdown.grpc.UserGrpcServer;
import dev.showdown.proto.userservice.v1.GetUserRequest;
import dev.showdown.proto.userservice.v1.User;
import dev.showdown.proto.userservice.v1.UserServiceGrpc;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The gRPC checks pass on the real grpc-service and fail on stand-ins with a wrong user or a wrong status. */
class GrpcVerifierTest {

  @Test
  void passesOnTheGrpcService() throws Exception {
    UserGrpcServer server = UserGrpcServer.start(GrpcOptions.loopback().withHttpPort(-1));
    try {
      Verification verification = verify(server.port());
      assertThat(verification.passed()).as(String.join("\n", verification.lines())).isTrue();
    } finally {
      server.stop(Duration.ofSeconds(1));
    }
  }

  @Test
  void aWrongUserFails() throws Exception {
    Verification verification = verifyStandIn(id -> id <= 0 ? Status.INVALID_ARGUMENT : id > 10_000 ? Status.NOT_FOUND
        : User.newBuilder().setId(id).setName("user" + id).setEmail("user" + id + "@example.org").build());
    assertThat(verification.firstFailure().orElseThrow().name()).isEqualTo("GetUser(1)");
    assertThat(verification.reason()).contains("user1@example.org");
  }

  @Test
  void anUnknownIdAnsweredWithAnotherStatusFails() throws Exception {
    Verification verification = verifyStandIn(id -> id <= 0 ? Status.INVALID_ARGUMENT : id > 10_000 ? Status.INTERNAL
        : User.newBuilder().setId(id).setName("user" + id).setEmail("user" + id + "@example.com").build());
    assertThat(verification.firstFailure().orElseThrow().name()).isEqualTo("GetUser(" + GrpcVerifier.UNKNOWN_ID + ")");
    assertThat(verification.firstFailure().orElseThrow().got()).startsWith("INTERNAL");
  }

  private static Verification verifyStandIn(LongFunction<Object> answer) throws Exception {
    Server wrong = standIn(answer);
    try {
      return verify(wrong.getPort());
    } finally {
      wrong.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static Verification verify(int port) {
    return new GrpcVerifier("test", new GrpcTarget("127.0.0.1", port)).verify();
  }

  /** A UserService answering each id with what {@code answer} gives: a User, or a Status to fail with. */
  private static Server standIn(LongFunction<Object> answer) throws Exception {
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new UserServiceGrpc.UserServiceImplBase() {
          @Override
          public void getUser(GetUserRequest request, StreamObserver<User> response) {
            Object result = answer.apply(request.getUserId());
            if (result instanceof Status status) {
              response.onError(status.asRuntimeException());
            } else {
              response.onNext((User) result);
              response.onCompleted();
            }
          }
        })
        .build().start();
  }
}
