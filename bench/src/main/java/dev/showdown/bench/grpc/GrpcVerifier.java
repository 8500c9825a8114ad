package dev.showdown.bench.grpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showdown.bench.redis.RedisSeeder;
import dev.showdown.bench.verify.Check;
import dev.showdown.bench.verify.Verification;
import dev.showdown.bench.verify.Verifier;
import dev.showdown.proto.userservice.v1.GetUserRequest;
import dev.showdown.proto.userservice.v1.User;
import dev.showdown.proto.userservice.v1.UserServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code UserService/GetUser} by docs/contract.md: a known id answers OK with the user the bench seeds
 * ({@link RedisSeeder#user}; the in-memory store generates the same), {@code user_id 0} is INVALID_ARGUMENT, an unknown id NOT_FOUND.
 */
public final class GrpcVerifier implements Verifier {
  /** Far past the ids any store of the bench holds. */
  static final long UNKNOWN_ID = 987_654_321L;
  private static final long DEADLINE_SECONDS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String subject;
  private final GrpcTarget target;

  public GrpcVerifier(String subject, GrpcTarget target) {
    this.subject = subject;
    this.target = target;
  }

  @Override
  public Verification verify() {
    ManagedChannel channel = NettyChannelBuilder.forAddress(target.host(), target.port()).usePlaintext().build();
    try {
      UserServiceGrpc.UserServiceBlockingStub stub = UserServiceGrpc.newBlockingStub(channel);
      List<Check> checks = new ArrayList<>();
      checks.add(answer(stub, 1));
      checks.add(answer(stub, 4711));
      checks.add(status(stub, 0, Status.Code.INVALID_ARGUMENT));
      checks.add(status(stub, UNKNOWN_ID, Status.Code.NOT_FOUND));
      return new Verification(subject, checks);
    } finally {
      channel.shutdownNow();
    }
  }

  private static Check answer(UserServiceGrpc.UserServiceBlockingStub stub, long id) {
    return Check.equal("GetUser(" + id + ")", "OK " + RedisSeeder.user(id), call(stub, id));
  }

  private static Check status(UserServiceGrpc.UserServiceBlockingStub stub, long id, Status.Code expected) {
    String got = call(stub, id);
    String code = got.split(" ", 2)[0];
    return code.equals(expected.name()) ? Check.pass("GetUser(" + id + ")", got) : Check.fail("GetUser(" + id + ")", expected.name(), got);
  }

  /** {@code OK} and the user as the JSON the bench seeds, or the status code and its description. */
  private static String call(UserServiceGrpc.UserServiceBlockingStub stub, long id) {
    try {
      User user = stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
          .getUser(GetUserRequest.newBuilder().setUserId(id).build());
      return "OK " + JSON.createObjectNode().put("id", user.getId()).put("name", user.getName()).put("email", user.getEmail());
    } catch (StatusRuntimeException e) {
      Status status = e.getStatus();
      return status.getCode().name() + (status.getDescription() == null ? "" : " " + status.getDescription());
    }
  }
}
