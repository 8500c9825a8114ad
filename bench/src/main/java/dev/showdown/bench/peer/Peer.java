package dev.showdown.bench.peer;

import java.util.List;

/**
 * A Go or Python implementation of some scenarios (peers/README.md), which the bench starts, verifies and
 * measures like its Java service: pure data, listed in {@link PeerCatalog}.
 *
 * @param name the implementation's name in reports, e.g. {@code go-gin} or {@code fastapi-pypy}
 */
public record Peer(String name, Family family, Kind kind, Toolchain toolchain, PeerCommand start) {

  /** What {@code --peers} selects by: {@code go}, {@code python} (also {@code fastapi}: CPython), {@code pypy}. */
  public enum Family {
    GO("go"), PYTHON("python"), PYPY("pypy");

    private final String label;

    Family(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The scenarios a kind of peer serves, and how the bench knows it is up. */
  public enum Kind {
    /** HTTP on one port; ready line, then {@code GET /health} until 200. */
    HTTP(List.of("ping", "fib", "data", "user"), true),
    /** WebSocket {@code /push} and {@code /health} on its port, plain TCP on another; ready line, then /health. */
    PUSH(List.of("push"), true),
    /** {@code UserService/GetUser}; the ready line names the gRPC port. */
    GRPC(List.of("grpc"), false),
    /** A one-shot {@code uv FILE [--repeat K]}: no ready line, it runs to its end. */
    UV(List.of("logparse"), false);

    private final List<String> scenarios;
    private final boolean healthEndpoint;

    Kind(List<String> scenarios, boolean healthEndpoint) {
      this.scenarios = scenarios;
      this.healthEndpoint = healthEndpoint;
    }

    public List<String> scenarios() {
      return scenarios;
    }

    public boolean healthEndpoint() {
      return healthEndpoint;
    }
  }

  public boolean serves(String scenario) {
    return kind.scenarios().contains(scenario);
  }

  /** How {@code bench peers} names it: {@code go (push)}. */
  public String label() {
    return name + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }
}
