package dev.showdown.bench.peer;

import dev.showdown.bench.process.JvmLauncher;
import dev.showdown.kit.ServiceOptions;
import dev.showdown.kit.ServiceServer;
import dev.showdown.ping.PingService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in peer, run as its own process as a real one is: {@code --host H --port P --child-pid FILE}. It serves
 * the ping contract, starts a process of its own under it (as uvicorn starts workers) whose pid it writes to
 * FILE, prints the ready line and runs until it is stopped.
 */
public final class StandInPeer {
  private StandInPeer() {
  }

  public static void main(String[] args) throws Exception {
    String host = args[1];
    int port = Integer.parseInt(args[3]);
    Path childPid = Path.of(args[5]);
    ServiceOptions options = ServiceOptions.loopback(1);
    ServiceServer server = ServiceServer.start(new PingService(), options.withPortAndEventLoops(port, 1)).await();
    Process worker = new ProcessBuilder(JvmLauncher.currentJava(), "-Xmx16m", "-cp", System.getProperty("java.class.path"),
        "dev.showdown.bench.process.TestChild", "silent").inheritIO().start();
    Files.writeString(childPid, Long.toString(worker.pid()));
    System.out.println("stand-in listening on " + host + ":" + server.port());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
