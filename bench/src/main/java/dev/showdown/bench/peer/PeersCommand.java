package dev.showdown.bench.peer;

import dev.showdown.bench.run.RepoRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bench peers}: every Go and Python peer, what it serves, and whether it can run here or how to install it. */
@Command(name = "peers", mixinStandardHelpOptions = true,
    description = "Lists the Go and Python peers bench run --peers can start (peers/), whether each one's toolchain "
        + "is present on this machine, and the exact command that installs it when not.")
public final class PeersCommand implements Callable<Integer> {
  @Option(names = "--repo", paramLabel = "DIR", description = "Repository holding peers/. Default: found")
  Path repo;

  @Override
  public Integer call() {
    Path root = repo != null ? repo.toAbsolutePath() : RepoRoot.find();
    print(System.out, root);
    return 0;
  }

  static void print(PrintStream out, Path root) {
    Map<String, ToolchainCheck.Result> checked = new HashMap<>();
    out.printf("%-15s %-7s %-19s %s%n", "PEER", "FAMILY", "SERVES", "HERE");
    for (Peer peer : PeerCatalog.all()) {
      Toolchain toolchain = peer.toolchain();
      ToolchainCheck.Result present = checked.computeIfAbsent(toolchain.name(), n -> ToolchainCheck.present(toolchain, root));
      out.printf("%-15s %-7s %-19s %s%n", peer.name(), peer.family().label(), String.join(" ", peer.kind().scenarios()),
          present.available() ? ready(peer, root) : present.reason());
    }
    out.println("Select with bench run --peers go,python,pypy (families), peer names, or all.");
  }

  private static String ready(Peer peer, Path root) {
    Toolchain toolchain = peer.toolchain();
    if (toolchain.build().isEmpty() || Files.isExecutable(root.resolve(peer.start().words().get(0)))) {
      return "ready";
    }
    return "ready; built at the start of a run by " + String.join(" ", toolchain.build());
  }
}
