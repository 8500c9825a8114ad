package dev.showdown.grpc;

import dev.showdown.proto.userservice.v1.User;

/** The contract's generated users: {@code id}, {@code name="user<id>"}, {@code email="user<id>@example.com"}. */
public final class GeneratedUsers {
  /** How many users the in-memory store holds by default, and the id range the bench asks for. */
  public static final int STANDARD_COUNT = 10_000;

  private GeneratedUsers() {
  }

  public static User user(long id) {
    String name = "user" + id;
    return User.newBuilder().setId(id).setName(name).setEmail(name + "@example.com").build();
  }
}
