package dev.showdown.bench.peer;

import dev.showdown.bench.peer.Peer.Family;
import dev.showdown.bench.peer.Peer.Kind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.showdown.bench.peer.PeerCommand.FILE;
import static dev.showdown.bench.peer.PeerCommand.REDIS;
import static dev.showdown.bench.peer.PeerCommand.REPEAT;
import static dev.showdown.bench.peer.PeerCommand.UPSTREAM;

/**
 * Every peer of peers/README.md: its name in reports, what it needs and how it starts. Paths are relative
 * to the repository root; Python runs on Debian's {@code /usr/bin/python3} and {@code /usr/bin/pypy3}.
 */
public final class PeerCatalog {
  static final String PYTHON = "/usr/bin/python3";
  static final String PYPY = "/usr/bin/pypy3";
  private static final String APT = "apt-get install -y ";

  static final Toolchain GO = new Toolchain("go", List.of("go", "protoc", "protoc-gen-go", "protoc-gen-go-grpc"),
      List.of("go", "version"), List.of("bash", "peers/go/build.sh"),
      APT + "golang-go protobuf-compiler protoc-gen-go protoc-gen-go-grpc golang-github-gin-gonic-gin-dev "
          + "golang-github-gomodule-redigo-dev golang-github-gorilla-websocket-dev golang-google-grpc-dev "
          + "golang-google-protobuf-dev golang-github-golang-protobuf-1-3-dev");
  static final Toolchain CPYTHON_FASTAPI = python("cpython-fastapi", PYTHON, "import app, uvicorn, uvloop, httptools",
      "python3 python3-fastapi python3-uvicorn python3-uvloop python3-httptools python3-redis python3-aiohttp");
  static final Toolchain PYPY_FASTAPI = python("pypy-fastapi", PYPY, "import app, uvicorn",
      "pypy3 python3-fastapi python3-uvicorn python3-redis python3-aiohttp");
  static final Toolchain CPYTHON_PUSH = python("cpython-push", PYTHON, "import websockets, uvloop",
      "python3 python3-websockets python3-uvloop");
  static final Toolchain PYPY_PUSH = python("pypy-push", PYPY, "import websockets", "pypy3 python3-websockets");
  static final Toolchain CPYTHON_GRPC = new Toolchain("cpython-grpc", List.of(PYTHON, "protoc"),
      probe(PYTHON, "import grpc, google.protobuf, redis.asyncio"), List.of(),
      APT + "python3 python3-grpcio python3-protobuf python3-redis protobuf-compiler");
  static final Toolchain CPYTHON_UJSON = python("cpython-ujson", PYTHON, "import ujson", "python3 python3-ujson");
  static final Toolchain CPYTHON_JSON = python("cpython-json", PYTHON, "import json", "python3");
  static final Toolchain PYPY_JSON = python("pypy-json", PYPY, "import json", "pypy3");

  private static final List<Peer> ALL = List.of(
      new Peer("go-gin", Family.GO, Kind.HTTP, GO, http("peers/go/bin/showdown-http")),
      new Peer("fastapi", Family.PYTHON, Kind.HTTP, CPYTHON_FASTAPI,
          http(PYTHON, "peers/python/serve.py", "--workers", "{workers}", "--loop", "uvloop", "--http", "httptools")),
      new Peer("fastapi-pypy", Family.PYPY, Kind.HTTP, PYPY_FASTAPI,
          http(PYPY, "peers/python/serve.py", "--workers", "{workers}", "--loop", "asyncio", "--http", "h11")),
      new Peer("go", Family.GO, Kind.PUSH, GO, push("peers/go/bin/showdown-push")),
      new Peer("python-asyncio", Family.PYTHON, Kind.PUSH, CPYTHON_PUSH, push(PYTHON, "peers/python/push_server.py", "--loop", "uvloop")),
      new Peer("pypy-asyncio", Family.PYPY, Kind.PUSH, PYPY_PUSH, push(PYPY, "peers/python/push_server.py", "--loop", "asyncio")),
      new Peer("go", Family.GO, Kind.GRPC, GO, grpc("peers/go/bin/showdown-grpc")),
      new Peer("python-grpcio", Family.PYTHON, Kind.GRPC, CPYTHON_GRPC,
          grpc(PYTHON, "peers/python/grpc_server.py", "--workers", "{workers}")),
      new Peer("go", Family.GO, Kind.UV, GO, uv(List.of("peers/go/bin/showdown-uv"))),
      new Peer("cpython-ujson", Family.PYTHON, Kind.UV, CPYTHON_UJSON, uv(List.of(PYTHON, "peers/python/uv.py"), "--json", "ujson")),
      new Peer("cpython-json", Family.PYTHON, Kind.UV, CPYTHON_JSON, uv(List.of(PYTHON, "peers/python/uv.py"), "--json", "json")),
      new Peer("pypy-json", Family.PYPY, Kind.UV, PYPY_JSON, uv(List.of(PYPY, "peers/python/uv.py"), "--json", "json")));

  private PeerCatalog() {
  }

  public static List<Peer> all() {
    return ALL;
  }

  /**
   * The peers {@code --peers} names: families ({@code go}, {@code python} or {@code fastapi} for CPython,
   * {@code pypy}), {@code all}, or peer names ({@code go-gin}), comma-separated; an unknown word is refused.
   */
  public static List<Peer> select(String spec, List<Peer> catalog) {
    Set<Peer> chosen = new LinkedHashSet<>();
    for (String word : spec.split(",")) {
      String w = word.trim();
      List<Peer> matching = catalog.stream().filter(p -> w.equals("all") || p.family().label().equals(w)
          || w.equals("fastapi") && p.family() == Family.PYTHON || p.name().equals(w)).toList();
      if (matching.isEmpty()) {
        Set<String> known = new LinkedHashSet<>(List.of("all", "go", "python", "fastapi", "pypy"));
        catalog.forEach(p -> known.add(p.name()));
        throw new IllegalArgumentException("--peers: unknown '" + w + "'; known: " + String.join(", ", known));
      }
      chosen.addAll(matching);
    }
    return new ArrayList<>(chosen);
  }

  private static Toolchain python(String name, String interpreter, String imports, String packages) {
    return new Toolchain(name, List.of(interpreter), probe(interpreter, imports), List.of(), APT + packages);
  }

  /** The interpreter imports the peer's modules from peers/python, as the peer itself would. */
  private static List<String> probe(String interpreter, String imports) {
    return List.of(interpreter, "-c", "import sys; sys.path.insert(0, 'peers/python'); " + imports);
  }

  private static List<String> words(String[] command, String... more) {
    List<String> words = new ArrayList<>(List.of(command));
    words.addAll(List.of(more));
    return words;
  }

  private static PeerCommand http(String... command) {
    return new PeerCommand(words(command, "--host", "{host}", "--port", "{port}"), List.of())
        .withOptional("--redis", REDIS).withOptional("--upstream", UPSTREAM);
  }

  private static PeerCommand push(String... command) {
    return new PeerCommand(words(command, "--host", "{host}", "--port", "{port}", "--tcp-port", "{tcpPort}",
        "--interval", "{interval}"), List.of());
  }

  private static PeerCommand grpc(String... command) {
    return new PeerCommand(words(command, "--host", "{host}", "--port", "{port}"), List.of()).withOptional("--redis", REDIS);
  }

  /** {@code <program...> uv FILE [options...] [--repeat K]}. */
  private static PeerCommand uv(List<String> program, String... options) {
    List<String> words = new ArrayList<>(program);
    words.addAll(List.of("uv", "{" + FILE + "}"));
    words.addAll(List.of(options));
    return new PeerCommand(words, List.of()).withOptional("--repeat", REPEAT);
  }
}
