package dev.showdown.kit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** A command whose server cannot stop cleanly, for the unclean-stop path of {@link ServiceMain#runServer}. */
public final class UncleanStopMain {
  private UncleanStopMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    ServiceMain.runServer("probe", "127.0.0.1:0", Duration.ofSeconds(1), () -> new ServiceMain.Running(
        "stop=failing", "127.0.0.1", 1, grace -> {
          throw new IllegalStateException("disk gone");
        }));
    // Nothing else keeps this JVM alive until the signal, as a real server's event loops would.
    new CountDownLatch(1).await();
  }
}
