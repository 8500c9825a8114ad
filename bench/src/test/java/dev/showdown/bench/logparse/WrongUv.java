package dev.showdown.bench.logparse;

/** A stand-in {@code uv FILE} command line that miscounts: one unique user short of the standard file's. */
public final class WrongUv {
  private WrongUv() {
  }

  public static void main(String[] args) {
    System.out.println("{\"lines\":100000,\"uv\":20264,\"errors\":91,\"first_errors\":[],\"elapsed_ms\":1.5}");
  }
}
