package dev.showdown.bench.peer;

import java.util.List;

/**
 * What a peer needs on this machine, and how to get it: binaries on the PATH (or at an absolute path), a probe
 * that must exit 0 (the interpreter imports the libraries), a build step run once per run (Go's build.sh), and
 * the exact command that installs it all on Debian 12 (peers/README.md: Debian's packages, no PyPI or module
 * proxy).
 *
 * @param name     shared by the peers that need the same, so it is checked and built once
 * @param binaries executables that must exist
 * @param probe    a command run from the repository root that must exit 0
 * @param build    a command run once before the first start (empty: none)
 * @param install  the install command to print when anything is missing
 */
public record Toolchain(String name, List<String> binaries, List<String> probe, List<String> build, String install) {
  public Toolchain {
    binaries = List.copyOf(binaries);
    probe = List.copyOf(probe);
    build = List.copyOf(build);
  }
}
