package dev.showdown.bench.peer;

import dev.showdown.bench.peer.Peer.Family;
import dev.showdown.bench.peer.Peer.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeerCatalogTest {
  private static final List<Peer> ALL = PeerCatalog.all();

  @Test
  void namesThePeersAsPeersInterfaceDoes() {
    assertThat(names(Kind.HTTP)).containsExactly("go-gin", "fastapi", "fastapi-pypy");
    assertThat(names(Kind.PUSH)).containsExactly("go", "python-asyncio", "pypy-asyncio");
    assertThat(names(Kind.GRPC)).containsExactly("go", "python-grpcio");
    assertThat(names(Kind.UV)).containsExactly("go", "cpython-ujson", "cpython-json", "pypy-json");
    assertThat(ALL).allSatisfy(p -> assertThat(p.toolchain().install()).startsWith("apt-get install -y "));
  }

  @Test
  void selectsByFamilyNameOrAll() {
    assertThat(PeerCatalog.select("go", ALL)).hasSize(4).allSatisfy(p -> assertThat(p.family()).isEqualTo(Family.GO));
    assertThat(PeerCatalog.select("fastapi", ALL)).isEqualTo(PeerCatalog.select("python", ALL))
        .allSatisfy(p -> assertThat(p.family()).isEqualTo(Family.PYTHON)).hasSize(5);
    assertThat(PeerCatalog.select("pypy", ALL)).extracting(Peer::name).containsExactly("fastapi-pypy", "pypy-asyncio", "pypy-json");
    assertThat(PeerCatalog.select("go,fastapi,pypy", ALL)).hasSize(ALL.size());
    assertThat(PeerCatalog.select("all", ALL)).isEqualTo(ALL);
    assertThat(PeerCatalog.select("go-gin, fastapi-pypy", ALL)).extracting(Peer::name).containsExactly("go-gin", "fastapi-pypy");
  }

  @Test
  void refusesAnUnknownSelection() {
    assertThatIllegalArgumentException().isThrownBy(() -> PeerCatalog.select("go,rust", ALL))
        .withMessageStartingWith("--peers: unknown 'rust'; known: all, go, python, fastapi, pypy, go-gin");
  }

  @Test
  void fillsInTheCommandAndLeavesOutFlagsWithoutAValue() {
    Peer gin = ALL.get(0);
    assertThat(gin.start().expand(Map.of(PeerCommand.HOST, "127.0.0.1", PeerCommand.PORT, "0")))
        .containsExactly("peers/go/bin/showdown-http", "--host", "127.0.0.1", "--port", "0");
    assertThat(gin.start().expand(Map.of(PeerCommand.HOST, "h", PeerCommand.PORT, "1", PeerCommand.REDIS, "redis://r:6379")))
        .containsExactly("peers/go/bin/showdown-http", "--host", "h", "--port", "1", "--redis", "redis://r:6379");
    Peer ujson = PeerCatalog.select("cpython-ujson", ALL).get(0);
    assertThat(ujson.start().expand(Map.of(PeerCommand.FILE, "/tmp/logs.ndjson", PeerCommand.REPEAT, "15")))
        .containsExactly("/usr/bin/python3", "peers/python/uv.py", "uv", "/tmp/logs.ndjson", "--json", "ujson", "--repeat", "15");
    assertThatIllegalArgumentException().isThrownBy(() -> gin.start().expand(Map.of(PeerCommand.HOST, "h")))
        .withMessageContaining("{port}");
  }

  private static List<String> names(Kind kind) {
    return ALL.stream().filter(p -> p.kind() == kind).map(Peer::name).toList();
  }
}
