package dev.showdown.grpc;

import dev.showdown.proto.userservice.v1.User;
import io.vertx.core.Future;

/** Users 1..count built once at startup: a lookup is an array read, so it can run on the transport thread. */
public final class InMemoryUserStore implements UserStore {
  private static final Future<User> ABSENT = Future.succeededFuture();

  private final Future<User>[] answers;

  @SuppressWarnings("unchecked")
  public InMemoryUserStore(int count) {
    // Completed futures are immutable, so each answer is built once and shared by every call.
    answers = new Future[count + 1];
    for (int id = 1; id <= count; id++) {
      answers[id] = Future.succeededFuture(GeneratedUsers.user(id));
    }
  }

  @Override
  public Future<User> find(long id) {
    return id > 0 && id < answers.length ? answers[(int) id] : ABSENT;
  }

  @Override
  public String describe() {
    return "memory (" + (answers.length - 1) + " users)";
  }
}
