package dev.showdown.grpc;

import dev.showdown.proto.userservice.v1.GetUserRequest;
import dev.showdown.proto.userservice.v1.User;
import dev.showdown.proto.userservice.v1.UserServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import java.util.concurrent.TimeoutException;

/** {@code userservice.v1.UserService/GetUser}: validates the id, asks the store, maps every outcome to a status. */
final class UserRpc extends UserServiceGrpc.UserServiceImplBase {
  private static final Runnable DROP_ANSWER = () -> { };

  private final UserStore store;

  UserRpc(UserStore store) {
    this.store = store;
  }

  /**
   * Answers the user, or INVALID_ARGUMENT ({@code user_id <= 0}), NOT_FOUND, UNAVAILABLE (store down or slow),
   * INTERNAL (stored value unreadable).
   */
  @Override
  public void getUser(GetUserRequest request, StreamObserver<User> responses) {
    long id = request.getUserId();
    if (id <= 0) {
      responses.onError(Status.INVALID_ARGUMENT
          .withDescription("user_id must be a positive integer, got " + id).asRuntimeException());
      return;
    }
    ServerCallStreamObserver<User> call = (ServerCallStreamObserver<User>) responses;
    // A call whose deadline passed (or whose client left) while the store worked just drops its answer.
    call.setOnCancelHandler(DROP_ANSWER);
    store.find(id).onComplete(user -> {
      if (call.isCancelled()) {
        return;
      }
      if (user == null) {
        call.onError(Status.NOT_FOUND.withDescription("user " + id + " not found").asRuntimeException());
      } else {
        call.onNext(user);
        call.onCompleted();
      }
    }, failure -> {
      if (!call.isCancelled()) {
        call.onError(statusOf(id, failure).asRuntimeException());
      }
    });
  }

  private static Status statusOf(long id, Throwable failure) {
    if (failure instanceof StoredUserJson.InvalidUserException) {
      return Status.INTERNAL.withDescription("stored user " + id + " is unreadable: " + failure.getMessage());
    }
    // The client learns only that the store failed: the cause names hosts, ports and errnos of the inside.
    return Status.UNAVAILABLE.withDescription(failure instanceof TimeoutException ? "user store timed out" : "user store unavailable");
  }
}
