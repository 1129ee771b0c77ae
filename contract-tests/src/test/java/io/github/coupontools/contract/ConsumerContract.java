package io.github.coupontools.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import au.com.dius.pact.consumer.MockServer;
import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.exception.CouponToolsException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the consumer tests: a real {@link CouponToolsClient} pointed at the Pact mock server
 * (no retries, so every interaction is sent exactly once), closed after each test, and the check
 * that a documented error surfaces as the SDK's typed exception.
 */
abstract class ConsumerContract {

  private CouponToolsClient client;

  /** The SDK client of this test, with the contract's valid credentials. */
  CouponToolsClient client(MockServer server) {
    return client(server, SpecInteraction.CLIENT_SECRET);
  }

  /** The SDK client of this test, with this client secret. */
  CouponToolsClient client(MockServer server, String clientSecret) {
    client = CouponToolsClient.builder()
        .clientId(SpecInteraction.CLIENT_ID)
        .clientSecret(clientSecret)
        .baseUrl(server.getUrl())
        .maxRetries(0)
        .build();
    return client;
  }

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  /**
   * Runs the call and checks it failed with the documented error: the exception class the SDK
   * maps its code to, the HTTP status, the one Coupontools error code and its description
   * ({@code null} for an envelope without descriptions, such as the authentication failure).
   */
  static <E extends CouponToolsException> E assertFailsWith(Class<E> type, int httpStatus,
      int errorCode, String description, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("the SDK call should fail with %s", type.getSimpleName())
        .isInstanceOf(type);
    E error = type.cast(thrown);
    assertThat(error.httpStatus()).as("HTTP status").isEqualTo(httpStatus);
    assertThat(error.errorCodes()).as("Coupontools error codes").containsExactly(errorCode);
    assertThat(error.errorCode()).contains(errorCode);
    if (description == null) {
      assertThat(error.errorDescriptions()).as("error descriptions").isEmpty();
    } else {
      assertThat(error.errorDescriptions()).as("error descriptions").containsExactly(description);
    }
    assertThat(error.getMessage()).contains(String.valueOf(errorCode));
    return error;
  }
}
