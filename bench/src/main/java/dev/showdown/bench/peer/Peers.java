package dev.showdown.bench.peer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The peers of one run: those {@code --peers} selected, whether each can run on this machine (its toolchain
 * checked and built once per run) and its command lines, run from the repository root.
 */
public final class Peers {
  private final List<Peer> selected;
  private final Path repo;
  private final Map<String, ToolchainCheck.Result> ready = new HashMap<>();

  public Peers(List<Peer> selected, Path repo) {
    this.selected = List.copyOf(selected);
    this.repo = repo;
  }

  /** No peers: the Java-only run. */
  public static Peers none(Path repo) {
    return new Peers(List.of(), repo);
  }

  public List<Peer> selected() {
    return selected;
  }

  public List<Peer> forScenario(String scenario) {
    return selected.stream().filter(p -> p.serves(scenario)).toList();
  }

  public Path repo() {
    return repo;
  }

  /** Null when {@code peer} can run here; else why not, e.g. {@code not available: apt-get install -y pypy3}. */
  public synchronized String unavailable(Peer peer) {
    ToolchainCheck.Result result = ready.computeIfAbsent(peer.toolchain().name(), name -> ToolchainCheck.ready(peer.toolchain(), repo));
    return result.available() ? null : result.reason();
  }

  /** {@code peer}'s command line for {@code values}, with as many workers as cores unless given. */
  public List<String> command(Peer peer, Map<String, String> values) {
    Map<String, String> all = new HashMap<>(values);
    all.putIfAbsent(PeerCommand.WORKERS, Integer.toString(Runtime.getRuntime().availableProcessors()));
    return peer.start().expand(all);
  }
}
