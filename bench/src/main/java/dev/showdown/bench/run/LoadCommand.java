package dev.showdown.bench.run;

import dev.showdown.bench.load.HttpLoad;
import dev.showdown.bench.load.LoadDriver;
import dev.showdown.bench.load.LoadDrivers;
import dev.showdown.bench.load.LoadResult;
import dev.showdown.bench.result.Credentials;
import dev.showdown.bench.scenario.Progress;
import dev.showdown.bench.load.LoadWindowOptions;
import dev.showdown.bench.scenario.ProgressListener;
import dev.showdown.kit.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bench load URL}: one HTTP load on any URL, by wrk or the built-in generator, printed like wrk does. */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Puts one HTTP load on URL (base URL plus --path) and prints the figures: a wrk stand-in.")
public final class LoadCommand implements Callable<Integer> {
  @Parameters(paramLabel = "URL", description = "Base URL, e.g. http://127.0.0.1:8080")
  URI url;

  @Option(names = "--path", defaultValue = "/ping", description = "Request path; {id} becomes a random id in 1..--ids. Default: ${DEFAULT-VALUE}")
  String path;

  @Option(names = {"-c", "--connections"}, defaultValue = "64", description = "Keep-alive connections. Default: ${DEFAULT-VALUE}")
  int connections;

  @Mixin
  LoadWindowOptions window;

  @Option(names = "--tool", defaultValue = LoadDrivers.BUILTIN, description = "builtin, wrk or auto. Default: ${DEFAULT-VALUE}")
  String tool;

  @Override
  public Integer call() throws Exception {
    HttpLoad load = HttpLoad.closedLoop(path, connections, window.duration).withWarmup(window.warmup).withRate(window.rate).withRandomIds(window.ids);
    LoadDriver driver = new LoadDrivers(tool).forLoad(load, window.threads);
    Progress progress = Progress.toStderr();
    LoadResult r = driver.run(url, load, new ProgressListener(progress, "load", driver.name()));
    System.out.printf(Locale.ROOT, "%s %s%s: %d connections, %s (warm-up %s)%n", driver.name(), Credentials.mask(url.toString()), path, connections,
        Durations.format(window.duration), Durations.format(window.warmup));
    System.out.printf(Locale.ROOT, "  requests %d in %.2f s = %.1f req/s%n", r.requests(), r.seconds(), r.qps());
    System.out.printf(Locale.ROOT, "  latency ms: mean %.3f  p50 %.3f  p75 %.3f  p90 %.3f  p99 %.3f  max %.3f%n",
        r.meanMicros() / 1e3, r.p50Micros() / 1e3, r.p75Micros() / 1e3, r.p90Micros() / 1e3, r.p99Micros() / 1e3,
        r.maxMicros() / 1e3);
    System.out.printf(Locale.ROOT, "  errors: connect %d, read %d, write %d, timeout %d; non-2xx %d%n",
        r.connectErrors(), r.readErrors(), r.writeErrors(), r.timeouts(), r.non2xx());
    System.out.printf(Locale.ROOT, "  load tool CPU: %.2f s in the window = %.2f cores, %.1f us per request%n",
        r.loaderCpuSeconds(), r.loaderCpuSeconds() / r.seconds(), r.loaderCpuSeconds() * 1e6 / Math.max(1, r.requests()));
    return r.errors() == 0 && r.non2xx() == 0 ? 0 : 1;
  }
}
