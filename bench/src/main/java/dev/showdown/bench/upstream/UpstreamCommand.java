package dev.showdown.bench.upstream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code bench upstream}: runs the stub upstream API until the process is stopped. */
@Command(name = "upstream", mixinStandardHelpOptions = true,
    description = "Serves GET /items/{id} (~200-byte JSON) after a fixed delay: the data scenario's external API.")
public final class UpstreamCommand implements Callable<Integer> {
  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind. Default: ${DEFAULT-VALUE}")
  String host;

  @Option(names = "--port", defaultValue = "8090", description = "Port; 0 picks a free one. Default: ${DEFAULT-VALUE}")
  int port;

  @Option(names = "--delay-ms", defaultValue = "20", description = "Delay before each answer, in ms. Default: ${DEFAULT-VALUE}")
  long delayMs;

  @Option(names = "--event-loops", defaultValue = "1",
      description = "Event-loop threads; one serves tens of thousands of requests per second. Default: ${DEFAULT-VALUE}")
  int eventLoops;

  @Override
  public Integer call() throws InterruptedException {
    if (delayMs < 0 || eventLoops < 1) {
      System.err.println("upstream: need --delay-ms >= 0 and --event-loops >= 1");
      return 2;
    }
    UpstreamStub stub;
    try {
      stub = UpstreamStub.start(host, port, delayMs, eventLoops);
    } catch (RuntimeException e) {
      System.err.println("upstream: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      return 2;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(stub::close));
    System.out.println("upstream delay-ms=" + delayMs + " event-loops=" + eventLoops);
    System.out.println("upstream listening on " + host + ":" + stub.port());
    new CountDownLatch(1).await();
    return 0;
  }
}
