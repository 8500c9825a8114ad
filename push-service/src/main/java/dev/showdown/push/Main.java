package dev.showdown.push;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.showdown.kit.DurationConverter;
import dev.showdown.kit.Durations;
import dev.showdown.kit.RedisUrls;
import dev.showdown.kit.ServiceMain;
import dev.showdown.kit.ServiceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "push-service", mixinStandardHelpOptions = true,
    description = "Pushes a 100-byte JSON message every --interval to every WebSocket (/push on --port) and TCP "
        + "(--tcp-port) subscriber; POST /broadcast pushes now. Plus /health and /metrics.")
public final class Main implements Callable<Integer> {
  private static final int FILES_FOR_ITSELF = 100;

  @Mixin
  ServiceOptions options;

  @Option(names = "--tcp-port", defaultValue = "${env:TCP_PORT:-8085}", converter = ServiceOptions.PortConverter.class,
      description = "Plain TCP port, 0..65535 (env TCP_PORT); 0 picks a free one. Default: ${DEFAULT-VALUE}")
  int tcpPort;

  @Option(names = "--interval", defaultValue = "${env:INTERVAL:-10s}", converter = DurationConverter.class,
      description = "Time between two pushes, e.g. 10s or 500ms (env INTERVAL). Default: ${DEFAULT-VALUE}")
  Duration interval;

  @Option(names = "--admin-token", defaultValue = "${env:ADMIN_TOKEN}",
      description = "Bearer token for POST /broadcast (env ADMIN_TOKEN); without one the endpoint is off")
  String adminToken;

  @Option(names = "--redis", defaultValue = "${env:REDIS_URL}", converter = RedisUrls.Converter.class,
      description = "Redis URL joining nodes through pub/sub, e.g. redis://:password@127.0.0.1:6379 (env REDIS_URL); "
          + "printed with the password masked")
  String redisUrl;

  @Option(names = "--max-connections", defaultValue = "${env:MAX_CONNECTIONS:-100000}",
      description = "Open connections, both protocols together, beyond which new ones are refused (env MAX_CONNECTIONS). Default: ${DEFAULT-VALUE}")
  int maxConnections;

  @Option(names = "--slow-timeout", defaultValue = "${env:SLOW_TIMEOUT:-30s}", converter = DurationConverter.class,
      description = "How long a connection's write queue may stay full before it is closed (env SLOW_TIMEOUT). Default: ${DEFAULT-VALUE}")
  Duration slowTimeout;

  @Option(names = "--heartbeat", defaultValue = "${env:HEARTBEAT:-30s}", converter = DurationConverter.class,
      description = "WebSocket ping and TCP keep-alive period; a peer silent for about three is dropped (env HEARTBEAT). Default: ${DEFAULT-VALUE}")
  Duration heartbeat;

  @Option(names = "--write-queue", defaultValue = "${env:WRITE_QUEUE:-4096}",
      description = "Bytes one connection may have waiting, in the queue and again in the kernel send buffer; a push finding it full is dropped (env WRITE_QUEUE). Default: ${DEFAULT-VALUE}")
  int writeQueueBytes;

  @Option(names = "--warm-up", defaultValue = "${env:WARM_UP:-true}", arity = "1",
      description = "Run the fan-out over loopback connections of its own before listening, so the first tick is not "
          + "written by cold code; about 0.3 s of start (env WARM_UP). Default: ${DEFAULT-VALUE}")
  boolean warmUp;

  @Override
  public Integer call() {
    PushSettings settings = new PushSettings(tcpPort, interval, blankToNull(adminToken), redisUrl, maxConnections,
        slowTimeout, heartbeat, writeQueueBytes, warmUp);
    warnIfAboveFileLimit(maxConnections);
    PushService service = new PushService(settings, options.host());
    int status = ServiceMain.run(service, options);
    if (status == 0) {
      System.out.println("push-service tcp listening on " + options.host() + ":" + service.tcpPort()
          + " interval=" + Durations.format(interval) + " max-connections=" + maxConnections
          + " redis=" + (settings.redisUrl() == null ? "off" : RedisUrls.masked(settings.redisUrl()))
          + " broadcast=" + (settings.adminToken() == null ? "off" : "on"));
    }
    return status;
  }

  /** Past the open-file limit accepts fail with EMFILE instead of a clean refusal: say so at start. */
  private static void warnIfAboveFileLimit(int maxConnections) {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
      long limit = unix.getMaxFileDescriptorCount();
      if (maxConnections > limit - FILES_FOR_ITSELF) {
        System.err.println("push-service: warning: --max-connections " + maxConnections + " exceeds what this process "
            + "may open (" + limit + " files, about " + FILES_FOR_ITSELF + " for itself); set --max-connections "
            + (limit - FILES_FOR_ITSELF) + " or raise the limit");
      }
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  public static void main(String[] args) {
    ServiceMain.launch(new Main(), args);
  }
}
