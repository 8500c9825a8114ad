package dev.showdown.bench.verify;

import dev.showdown.bench.grpc.GrpcTarget;
import dev.showdown.bench.grpc.GrpcVerifier;
import dev.showdown.bench.logparse.StandardLog;
import dev.showdown.bench.logparse.UvVerifier;
import dev.showdown.bench.process.JvmLauncher;
import dev.showdown.bench.process.ServiceLocation;
import dev.showdown.bench.push.PushTarget;
import dev.showdown.bench.push.PushVerifier;
import dev.showdown.bench.redis.RedisSeeder;
import dev.showdown.bench.redis.RunRedis;
import dev.showdown.bench.result.Credentials;
import dev.showdown.bench.run.RepoRoot;
import dev.showdown.bench.scenario.Target;
import dev.showdown.kit.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/** {@code bench verify SCENARIO=ADDRESS...}: checks running implementations against docs/contract.md. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Checks running implementations against docs/contract.md, as bench run does before it measures one: "
        + "exact bodies and Content-Type, the contract's error statuses with JSON {\"error\":...} bodies, /data and /user "
        + "values against a seeded Redis and the bench's upstream stub, the push message, gRPC statuses, and the "
        + "counts of the standard log. Prints every check.",
        "Exit status 0 when every check passed, 1 when one failed, 2 for a usage error."})
public final class VerifyCommand implements Callable<Integer> {
  static final List<String> SCENARIOS = List.of("ping", "fib", "data", "user", "logparse", "uv", "push", "grpc");

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO=ADDRESS", arity = "1..*", description = {
      "What to check, e.g. ping=http://127.0.0.1:9000 (also fib, data, user, logparse: a base URL or host:port), "
          + "push=ws://127.0.0.1:9001/push or push=tcp://127.0.0.1:9002, grpc=127.0.0.1:50051, "
          + "\"uv=peers/go/bin/showdown-uv\" (a command line; the bench adds uv FILE)."})
  List<String> subjects = new ArrayList<>();

  @Option(names = "--redis", paramLabel = "URL",
      description = "Seed this Redis first with the standard keys (cache:* and user:* 1..10000, overwritten): the one the "
          + "data and user implementations read. Without it they must read one seeded by bench seed-redis; data's "
          + "upstream must be bench upstream either way")
  String redis;

  @Option(names = "--log", paramLabel = "FILE",
      description = "The standard 100,000-line log (gen --lines 100000 --seed 42) for logparse and uv. Default: the one "
          + "bench run keeps, made with logparse-service's gen when absent")
  Path log;

  @Option(names = "--push-wait", paramLabel = "DURATION", defaultValue = "25s", converter = DurationConverter.class,
      description = "How long two pushes may take to arrive: two of the endpoint's intervals and a margin. Default: ${DEFAULT-VALUE}")
  Duration pushWait;

  @Option(names = "--repo", paramLabel = "DIR", description = "Repository holding logparse-service's jar, to make the log. Default: found")
  Path repo;

  @Override
  public Integer call() throws Exception {
    List<Verifier> verifiers = new ArrayList<>();
    for (String subject : subjects) {
      verifiers.add(verifier(subject));
    }
    PrintStream out = System.out;
    if (redis != null) {
      RedisSeeder.seed(redis, RunRedis.STANDARD_COUNT);
      out.println(Credentials.mask("seeded cache:1.." + RunRedis.STANDARD_COUNT + " and user:1.." + RunRedis.STANDARD_COUNT + " in " + redis));
    }
    int failed = 0;
    for (Verifier verifier : verifiers) {
      Verification verification = verifier.verify();
      verification.lines().forEach(line -> out.println(Credentials.mask(line)));
      failed += verification.passed() ? 0 : 1;
    }
    out.println(failed == 0 ? "all " + verifiers.size() + " passed" : failed + " of " + verifiers.size() + " FAILED");
    return failed == 0 ? 0 : 1;
  }

  /** The verifier for one {@code SCENARIO=ADDRESS}; a usage error for an unknown scenario or a malformed address. */
  private Verifier verifier(String subject) throws Exception {
    int equals = subject.indexOf('=');
    String scenario = equals < 0 ? subject : subject.substring(0, equals);
    if (equals < 0 || !SCENARIOS.contains(scenario)) {
      throw usage("'" + subject + "': give SCENARIO=ADDRESS with SCENARIO one of " + SCENARIOS);
    }
    String address = subject.substring(equals + 1).trim();
    String name = scenario + " " + address;
    return switch (scenario) {
      case "ping" -> http(name, address, () -> HttpContracts.ping());
      case "fib" -> http(name, address, () -> HttpContracts.fib());
      case "data" -> http(name, address, () -> HttpContracts.data());
      case "user" -> http(name, address, () -> HttpContracts.user());
      case "logparse" -> http(name, address, () -> HttpContracts.logparse(standardLog()));
      case "uv" -> new UvVerifier(name, UvVerifier.onFile(List.of(address.split("\\s+")), standardLog()), null,
          Files.createTempFile("bench-verify-uv", ".log"));
      case "push" -> new PushVerifier(name, parsed(address, PushTarget::parse), pushWait);
      default -> new GrpcVerifier(name, parsed(address, GrpcTarget::parse));
    };
  }

  private Verifier http(String name, String address, Supplier<List<HttpCase>> contract) {
    return new HttpVerifier(name, parsed(address, a -> Target.parse("verify", a).url()), contract.get());
  }

  private <T> T parsed(String address, Function<String, T> parse) {
    try {
      return parse.apply(address);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private Path standardLog() {
    if (log != null) {
      return log;
    }
    try {
      Path root = repo != null ? repo.toAbsolutePath() : RepoRoot.find();
      List<String> logparse = new JvmLauncher(JvmLauncher.currentJava(), List.of(), ServiceLocation.jars(root))
          .service("logparse-service", List.of());
      return StandardLog.ensure(StandardLog.LINES, logparse, Files.createTempFile("bench-verify-gen", ".log"));
    } catch (Exception e) {
      throw new IllegalStateException("cannot make the standard log (give it with --log): " + e.getMessage(), e);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), Credentials.mask(message));
  }
}
