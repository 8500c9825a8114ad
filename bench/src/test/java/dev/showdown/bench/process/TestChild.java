package dev.showdown.bench.process;

/** A stand-in child process: {@code ready} announces an address, {@code fail} exits, {@code silent} says nothing. */
public final class TestChild {
  private TestChild() {
  }

  public static void main(String[] args) throws InterruptedException {
    switch (args[0]) {
      case "ready" -> {
        System.out.println("child starting");
        System.out.println("child listening on 0.0.0.0:4242");
        System.out.flush();
        Thread.sleep(60_000);
      }
      case "fail" -> {
        System.err.println("cannot start: port 1 is taken");
        System.exit(2);
      }
      default -> Thread.sleep(60_000);
    }
  }
}
