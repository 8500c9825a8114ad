package dev.showdown.grpc;

import dev.showdown.proto.userservice.v1.User;
import io.vertx.core.Future;

/** Where users come from; every implementation answers without blocking the calling thread. */
public interface UserStore {

  /** Completes with the user, with {@code null} when there is none, or fails when the store cannot answer. */
  Future<User> find(long id);

  /** One line for the startup banner, e.g. {@code memory (10000 users)}. */
  String describe();

  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
