package dev.showdown.jmh.grpc;

import dev.showdown.grpc.GeneratedUsers;
import dev.showdown.grpc.StoredUserJson;
import dev.showdown.proto.userservice.v1.GetUserRequest;
import dev.showdown.proto.userservice.v1.User;
import com.google.protobuf.InvalidProtocolBufferException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The per-call message work of the grpc scenario: protobuf encode and decode of {@code User} and
 * {@code GetUserRequest}, beside the JSON the Redis store decodes for the same user (and that HTTP
 * {@code /user/{id}} sends). Run: {@code java -jar jmh/target/benchmarks.jar ProtobufCodec -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProtobufCodecBenchmark {
  // Not final, so the JIT cannot fold them into constants.
  long userId = 4242;
  User user;
  byte[] userBytes;
  byte[] requestBytes;
  byte[] userJson;

  @Setup
  public void setUp() {
    user = GeneratedUsers.user(userId);
    userBytes = user.toByteArray();
    requestBytes = GetUserRequest.newBuilder().setUserId(userId).build().toByteArray();
    userJson = ("{\"id\":" + userId + ",\"name\":\"user" + userId + "\",\"email\":\"user" + userId + "@example.com\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** What every benchmark here pays anyway: reading a field of the state. */
  @Benchmark
  public long baseline() {
    return userId;
  }

  @Benchmark
  public byte[] encodeRequest() {
    return GetUserRequest.newBuilder().setUserId(userId).build().toByteArray();
  }

  @Benchmark
  public GetUserRequest decodeRequest() throws InvalidProtocolBufferException {
    return GetUserRequest.parseFrom(requestBytes);
  }

  /** A server answering from memory encodes an already built User; protobuf caches its size, not its bytes. */
  @Benchmark
  public byte[] encodeUser() {
    return user.toByteArray();
  }

  @Benchmark
  public byte[] buildAndEncodeUser() {
    return GeneratedUsers.user(userId).toByteArray();
  }

  @Benchmark
  public User decodeUser() throws InvalidProtocolBufferException {
    return User.parseFrom(userBytes);
  }

  /** The Redis store's work per call: the stored JSON into a User. */
  @Benchmark
  public User decodeUserFromJson() {
    return StoredUserJson.parse(userJson);
  }
}
