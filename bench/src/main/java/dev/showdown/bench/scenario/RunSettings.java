package dev.showdown.bench.scenario;

import dev.showdown.bench.load.LoadDrivers;
import dev.showdown.bench.peer.Peers;
import dev.showdown.bench.process.JvmLauncher;

import java.nio.file.Path;
import java.util.List;

/**
 * What every scenario of one run shares: how to start JVMs, which load tool, the run's directory,
 * {@code --quick}, {@code --rate}, the {@code --target}s, the {@code --redis} (null: each scenario starts its own),
 * the {@code --upstream-port} (0: a free port), the {@code --peers} and the {@code --rounds} (0: each scenario's default).
 */
public record RunSettings(JvmLauncher launcher, LoadDrivers drivers, Path runDir, boolean quick, int rate,
                          List<Target> targets, Progress progress, String redisUrl, int upstreamPort, Peers peers,
                          int rounds) {
}
