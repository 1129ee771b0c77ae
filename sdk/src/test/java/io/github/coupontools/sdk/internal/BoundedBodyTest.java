package io.github.coupontools.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A body is read whole and within its cap whatever length the server announced. */
class BoundedBodyTest {

  private static final long NO_DEADLINE = System.nanoTime() + 60_000_000_000L;
  private static final byte[] BODY = "{\"status\":{\"status\":\"OK\"}}".getBytes(StandardCharsets.UTF_8);

  @Test
  void readsTheWholeBodyWhenTheAnnouncedLengthIsRightTooShortTooLongOrUnknown() throws IOException {
    for (long announced : new long[] {BODY.length, 5, BODY.length + 100, -1, 0}) {
      assertThat(BoundedBody.read(new ByteArrayInputStream(BODY), 1000, NO_DEADLINE, announced))
          .as("announced %d", announced).isEqualTo(BODY);
    }
  }

  @Test
  void refusesABodyOverTheCapAnnouncedOrNot() {
    for (long announced : new long[] {BODY.length, 10, -1}) {
      assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(BODY), 10, NO_DEADLINE,
          announced)).as("announced %d", announced).isInstanceOf(BoundedBody.TooLargeException.class);
    }
  }
}
