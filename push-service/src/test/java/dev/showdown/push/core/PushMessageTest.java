package dev.showdown.push.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PushMessageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @CsvSource({"0,0", "1,1732412345678901", "123456789,1732412345678901", "999999999999999999,999999999999999999"})
  void isExactly100BytesOfJsonCarryingSeqAndTs(long seq, long ts) throws Exception {
    byte[] message = PushMessage.encode(seq, ts);

    assertThat(message).hasSize(100);
    JsonNode node = JSON.readTree(message);
    assertThat(node.get("seq").asLong()).isEqualTo(seq);
    assertThat(node.get("ts").asLong()).isEqualTo(ts);
    assertThat(node.get("pad").asText()).matches("x*");
    assertThat(new String(message, StandardCharsets.US_ASCII)).startsWith("{\"seq\":" + seq + ",\"ts\":" + ts + ",");
  }

  @Test
  void decodesWhatItEncodesAtAnOffset() {
    byte[] buffer = new byte[120];
    PushMessage.encode(42, 1732412345678901L, buffer, 7);

    assertThat(PushMessage.seq(buffer, 7, 100)).isEqualTo(42);
    assertThat(PushMessage.tsMicros(buffer, 7, 100)).isEqualTo(1732412345678901L);
  }

  @Test
  void rejectsWhatIsNotAMessage() {
    byte[] other = "{\"error\":\"too many connections\"}".getBytes(StandardCharsets.US_ASCII);

    assertThat(PushMessage.seq(other, 0, other.length)).isEqualTo(-1);
    assertThat(PushMessage.tsMicros(other, 0, other.length)).isEqualTo(-1);
    assertThat(PushMessage.seq(new byte[3], 0, 3)).isEqualTo(-1);
  }
}
