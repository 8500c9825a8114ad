package dev.showdown.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseParserTest {
  private static final String PONG = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 18\r\n\r\n"
      + "{\"message\":\"pong\"}";
  private static final String CHUNKED = "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: Chunked\r\n\r\n"
      + "5\r\nhello\r\n1a;ext=1\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: 1\r\n\r\n";
  private static final String EMPTY = "HTTP/1.1 204 No Content\r\nDate: now\r\n\r\n";

  @Test
  void framesBackToBackResponsesOfEveryKindInOneRead() {
    assertThat(statuses(List.of(PONG + CHUNKED + EMPTY + PONG))).containsExactly(200, 404, 204, 200);
  }

  @Test
  void framesResponsesSplitAtEveryByte() {
    String all = PONG + CHUNKED + EMPTY;
    List<String> pieces = new ArrayList<>();
    for (char c : all.toCharArray()) {
      pieces.add(String.valueOf(c));
    }
    assertThat(statuses(pieces)).containsExactly(200, 404, 204);
  }

  @Test
  void framesResponsesSplitInsideLinesAndBodies() {
    String all = PONG + CHUNKED;
    List<Integer> statuses = new ArrayList<>();
    for (int cut = 1; cut < all.length(); cut++) {
      statuses.addAll(statuses(List.of(all.substring(0, cut), all.substring(cut))));
      assertThat(statuses).as("cut at %d", cut).endsWith(200, 404);
    }
    assertThat(statuses).hasSize(2 * (all.length() - 1));
  }

  @Test
  void headerNamesAreCaseInsensitiveAndLfAloneEndsALine() {
    assertThat(statuses(List.of("HTTP/1.0 503 Busy\nCONTENT-LENGTH:  3\n\nabcHTTP/1.1 200 OK\n\n"))).containsExactly(503, 200);
  }

  @Test
  void garbageIsRejected() {
    ResponseParser parser = new ResponseParser();
    assertThatThrownBy(() -> parser.parse(buf("SSH-2.0-OpenSSH\r\n"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not an HTTP status line");
    assertThatThrownBy(() -> new ResponseParser().parse(buf("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n")))
        .isInstanceOf(IllegalStateException.class);
  }

  private static List<Integer> statuses(List<String> reads) {
    ResponseParser parser = new ResponseParser();
    List<Integer> statuses = new ArrayList<>();
    for (String read : reads) {
      ByteBuf in = buf(read);
      while (in.isReadable() && parser.parse(in)) {
        statuses.add(parser.status());
      }
      assertThat(in.isReadable()).isFalse();
    }
    return statuses;
  }

  private static ByteBuf buf(String text) {
    return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.US_ASCII));
  }
}
