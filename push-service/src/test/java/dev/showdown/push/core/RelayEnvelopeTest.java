package dev.showdown.push.core;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class RelayEnvelopeTest {
  private final byte[] message = PushMessage.encode(7, 1_732_412_345_678_901L);

  @Test
  void anotherNodeOpensTheMessageAsItWasPublished() {
    RelayEnvelope publisher = new RelayEnvelope(new SplittableRandom(1));
    RelayEnvelope other = new RelayEnvelope(new SplittableRandom(2));

    assertThat(other.openForeign(publisher.seal(message))).isEqualTo(message);
  }

  @Test
  void thePublisherSkipsItsOwnEcho() {
    RelayEnvelope publisher = new RelayEnvelope(new SplittableRandom(1));

    assertThat(publisher.openForeign(publisher.seal(message))).isNull();
  }

  @Test
  void onTheChannelItIsReadableText() {
    String sealed = new String(new RelayEnvelope(new SplittableRandom(1)).seal(message), StandardCharsets.US_ASCII);

    assertThat(sealed).matches("[0-9a-f]{16} \\{\"seq\":7,.*");
  }

  @Test
  void whatNoNodeSealedIsNotOpened() {
    RelayEnvelope node = new RelayEnvelope(new SplittableRandom(1));

    assertThat(node.openForeign(message)).isNull();
    assertThat(node.openForeign("0123456789abcdef".getBytes(StandardCharsets.US_ASCII))).isNull();
  }
}
