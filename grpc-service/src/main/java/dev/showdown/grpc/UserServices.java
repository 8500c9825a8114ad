package dev.showdown.grpc;

import io.grpc.BindableService;
import io.grpc.ServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;

/**
 * What grpc-service serves, added to any {@link ServerBuilder}: {@code UserService} on a store, the standard health
 * service and server reflection (v1 and v1alpha), each guarded against requests that do not parse. The transport
 * is the builder's: {@link UserGrpcServer} picks Netty with its limits, a test may pick in-process.
 */
final class UserServices {
  private UserServices() {
  }

  static <T extends ServerBuilder<T>> T addTo(T builder, UserStore store, HealthStatusManager health,
                                               RejectedRequests rejected) {
    return builder
        .addService(UnparseableRequests.guard(new UserRpc(store).bindService(), rejected))
        .addService(UnparseableRequests.guard(health.getHealthService().bindService(), rejected))
        .addService(UnparseableRequests.guard(ProtoReflectionServiceV1.newInstance().bindService(), rejected))
        .addService(UnparseableRequests.guard(legacyReflection().bindService(), rejected));
  }

  /** grpcurl and ghz builds older than reflection v1 only speak v1alpha. */
  @SuppressWarnings("deprecation")
  private static BindableService legacyReflection() {
    return ProtoReflectionService.newInstance();
  }
}
