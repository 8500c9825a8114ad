package dev.showdown.grpc;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers a request message that does not parse with INVALID_ARGUMENT. grpc-java's own answer is UNKNOWN,
 * and it logs a SEVERE stack trace for every such message, because the marshaller's exception escapes the
 * call. Here each method's request marshaller hands the call {@code null} instead of throwing (the failure
 * goes to {@link RejectedRequests}), and a listener in front of the service's closes such a call.
 */
final class UnparseableRequests {
  private UnparseableRequests() {
  }

  static ServerServiceDefinition guard(ServerServiceDefinition service, RejectedRequests rejected) {
    ServiceDescriptor original = service.getServiceDescriptor();
    ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
        .setSchemaDescriptor(original.getSchemaDescriptor());
    List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      ServerMethodDefinition<?, ?> guarded = guard(method, rejected);
      descriptor.addMethod(guarded.getMethodDescriptor());
      methods.add(guarded);
    }
    ServerServiceDefinition.Builder guardedService = ServerServiceDefinition.builder(descriptor.build());
    methods.forEach(guardedService::addMethod);
    return guardedService.build();
  }

  private static <Q, R> ServerMethodDefinition<Q, R> guard(ServerMethodDefinition<Q, R> method, RejectedRequests rejected) {
    MethodDescriptor<Q, R> original = method.getMethodDescriptor();
    MethodDescriptor<Q, R> lenient = original.toBuilder()
        .setRequestMarshaller(new NullWhenUnparseable<>(original.getRequestMarshaller(), original.getFullMethodName(), rejected))
        .build();
    ServerCallHandler<Q, R> handler = method.getServerCallHandler();
    return ServerMethodDefinition.create(lenient, (call, headers) -> new ClosedWhenNull<>(handler.startCall(call, headers), call));
  }

  /** Parses as the method's own marshaller does, but answers {@code null} where that one throws. */
  private record NullWhenUnparseable<Q>(MethodDescriptor.Marshaller<Q> parser, String method, RejectedRequests rejected)
      implements MethodDescriptor.Marshaller<Q> {
    @Override
    public InputStream stream(Q value) {
      return parser.stream(value);
    }

    @Override
    public Q parse(InputStream message) {
      try {
        return parser.parse(message);
      } catch (RuntimeException unparseable) {
        String kind = method + ": " + deepestMessage(unparseable);
        rejected.refused(RejectedRequests.Reason.unparseable, kind, kind);
        return null;
      }
    }
  }

  /** The parser's own words (protobuf's fixed texts such as "invalid tag (zero)"), not grpc-java's wrapping. */
  private static String deepestMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }

  /** Closes the call on a {@code null} message (one that did not parse); the service hears nothing more of it. */
  private static final class ClosedWhenNull<Q, R> extends SimpleForwardingServerCallListener<Q> {
    private final ServerCall<Q, R> call;
    /** Only touched by the call's own serialized events. */
    private boolean closed;

    ClosedWhenNull(ServerCall.Listener<Q> service, ServerCall<Q, R> call) {
      super(service);
      this.call = call;
    }

    @Override
    public void onMessage(Q message) {
      if (closed) {
        return;
      }
      if (message == null) {
        closed = true;
        call.close(Status.INVALID_ARGUMENT.withDescription(
            "the request is not a valid " + call.getMethodDescriptor().getFullMethodName() + " request message"), new Metadata());
        return;
      }
      super.onMessage(message);
    }

    @Override
    public void onHalfClose() {
      if (!closed) {
        super.onHalfClose();
      }
    }
  }
}
