package dev.showdown.bench.push;

import dev.showdown.bench.verify.Check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The push message of docs/contract.md, checked on two consecutive pushes as one client received them: each
 * exactly 100 bytes of ASCII JSON {@code {"seq":N,"ts":T,"pad":"..."}} in the framing of its protocol (the byte
 * order the bench's own client reads), {@code seq} rising, {@code ts} an epoch-microsecond time near the receipt.
 */
final class PushContract {
  static final int MESSAGE_BYTES = 100;
  static final int PUSHES = 2;
  /** How far {@code ts} (the tick's start) may lie from the moment the push arrived. */
  static final long TS_TOLERANCE_MICROS = 5_000_000;
  private static final Pattern SHAPE = Pattern.compile("\\{\"seq\":(0|[1-9][0-9]{0,17}),\"ts\":([1-9][0-9]{0,17}),\"pad\":\"[ !#-\\[\\]-~]*\"}");

  /**
   * One push as received.
   *
   * @param payload        the message bytes (TCP: the line without its {@code \n}; WebSocket: the frame's payload)
   * @param framing        how it came, in words: {@code 100 bytes + \n} or {@code one final text frame of 100 bytes}
   * @param receivedMicros epoch microseconds when it was read
   */
  record Received(byte[] payload, String framing, long receivedMicros) {
  }

  private PushContract() {
  }

  /** The framing a correct push has on {@code webSocket} or plain TCP. */
  static String framing(boolean webSocket, int bytes) {
    return webSocket ? "one final text frame of " + bytes + " bytes" : bytes + " bytes + \\n";
  }

  static List<Check> check(boolean webSocket, List<Received> pushes, String waited) {
    List<Check> checks = new ArrayList<>();
    checks.add(Check.equal(PUSHES + " pushes " + waited, PUSHES + " pushes", pushes.size() + " pushes"));
    long[] seq = new long[pushes.size()];
    for (int i = 0; i < pushes.size() && i < PUSHES; i++) {
      Received push = pushes.get(i);
      String text = new String(push.payload(), StandardCharsets.ISO_8859_1);
      String name = "push " + (i + 1);
      checks.add(Check.equal(name + " framing", framing(webSocket, MESSAGE_BYTES), push.framing()));
      Matcher m = SHAPE.matcher(text);
      if (!m.matches()) {
        checks.add(Check.fail(name + " body", "ASCII JSON {\"seq\":N,\"ts\":T,\"pad\":\"...\"} in this order, no spaces", text));
        return checks;
      }
      checks.add(Check.pass(name + " body", text));
      seq[i] = Long.parseLong(m.group(1));
      long ts = Long.parseLong(m.group(2));
      long off = push.receivedMicros() - ts;
      checks.add(Math.abs(off) <= TS_TOLERANCE_MICROS
          ? Check.pass(name + " ts", ts + " epoch us, " + off + " us before it arrived")
          : Check.fail(name + " ts", "epoch microseconds within " + TS_TOLERANCE_MICROS / 1_000_000 + " s of its arrival ("
              + push.receivedMicros() + ")", ts + " (" + off / 1_000_000.0 + " s off)"));
    }
    if (pushes.size() >= PUSHES) {
      checks.add(seq[1] > seq[0] ? Check.pass("seq rises", seq[0] + " then " + seq[1])
          : Check.fail("seq rises", "a seq above " + seq[0], Long.toString(seq[1])));
    }
    return checks;
  }
}
