package dev.showdown.grpc;

import dev.showdown.proto.userservice.v1.UserServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/** Sends and receives message bytes as they are, to put malformed or oversized messages on the wire. */
final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {
  /** GetUser, but with a request of any bytes. */
  static final MethodDescriptor<byte[], byte[]> GET_USER =
      UserServiceGrpc.getGetUserMethod().toBuilder(new RawBytes(), new RawBytes()).build();

  /** Calls GetUser with {@code request} as its message; throws the call's StatusRuntimeException. */
  static byte[] getUser(Channel channel, byte[] request) {
    return ClientCalls.blockingUnaryCall(channel, GET_USER, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), request);
  }

  @Override
  public InputStream stream(byte[] value) {
    return new ByteArrayInputStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
