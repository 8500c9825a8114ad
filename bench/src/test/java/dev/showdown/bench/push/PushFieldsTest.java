package dev.showdown.bench.push;

import dev.showdown.push.core.PushMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PushFieldsTest {

  @Test
  void readsSeqAndTsOfTheServicesMessage() {
    byte[] message = PushMessage.encode(987_654, 1_732_412_345_678_901L);

    assertThat(PushFields.seq(message, 0, message.length)).isEqualTo(987_654);
    assertThat(PushFields.ts(message, 0, message.length)).isEqualTo(1_732_412_345_678_901L);
  }

  @Test
  void rejectsOtherLines() {
    byte[] refusal = "{\"error\":\"too many connections\"}".getBytes(StandardCharsets.US_ASCII);

    assertThat(PushFields.seq(refusal, 0, refusal.length)).isEqualTo(-1);
    assertThat(PushFields.ts(refusal, 0, refusal.length)).isEqualTo(-1);
    assertThat(PushFields.ts(new byte[0], 0, 0)).isEqualTo(-1);
  }
}
