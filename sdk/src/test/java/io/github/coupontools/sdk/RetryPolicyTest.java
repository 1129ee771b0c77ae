package io.github.coupontools.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.coupontools.openapi.Spec;
import io.github.coupontools.sdk.exception.ApiConnectionException;
import io.github.coupontools.sdk.exception.ApiTimeoutException;
import io.github.coupontools.sdk.exception.AuthenticationException;
import io.github.coupontools.sdk.exception.NotFoundException;
import io.github.coupontools.sdk.exception.RateLimitException;
import io.github.coupontools.sdk.exception.RequestValidationException;
import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import io.github.coupontools.sdk.internal.Operation;
import io.github.coupontools.sdk.internal.RetryPolicy;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures are retried, for which operations, and after how long. */
class RetryPolicyTest {

  private static final List<Spec.Operation> OPERATIONS = Spec.load().operations();

  @Test
  void everyGeneratedDescriptorCarriesTheMethodPathRetryFlagsAndCredentialsOfTheContract()
      throws Exception {
    Map<String, String> contract = OPERATIONS.stream().collect(Collectors.toMap(
        operation -> operation.operationId(),
        operation -> operation.method().toUpperCase(java.util.Locale.ROOT) + " "
            + operation.path() + " read-only=" + operation.readOnly() + " idempotent="
            + operation.idempotent() + " credentials="
            + new java.util.TreeSet<>(operation.credentialHeaders())));
    Map<String, String> generated;
    try (CouponToolsClient client = CouponToolsClient.builder().clientId("id").clientSecret("secret")
        .baseUrl("http://127.0.0.1:9").build()) {
      generated = Services.descriptors(client).stream().collect(Collectors.toMap(
          Operation::operationId, operation -> operation.method() + " " + operation.path()
              + " read-only=" + operation.readOnly() + " idempotent=" + operation.idempotent()
              + " credentials=" + operation.credentials().stream()
                  .map(Operation.Credential::header)
                  .collect(Collectors.toCollection(java.util.TreeSet::new))));
    }

    assertThat(contract.values()).anyMatch(line -> line.contains("read-only=true"));
    assertThat(contract.values()).anyMatch(line -> line.contains("idempotent=true"));
    assertThat(generated).isEqualTo(contract);
  }

  @Test
  void everyOperationOfTheContractDeclaresTheReadOnlyFlagAsBoolean() {
    assertThat(OPERATIONS).hasSizeGreaterThanOrEqualTo(20);
    SoftAssertions softly = new SoftAssertions();
    for (Spec.Operation operation : OPERATIONS) {
      softly.assertThat(operation.definition().path("x-coupontools-read-only").isBoolean())
          .as("%s declares x-coupontools-read-only: true|false", operation.operationId()).isTrue();
    }
    softly.assertAll();
  }

  /** failure, retried for a read-only operation, retried for one that creates or sends. */
  static Stream<Arguments> truthTable() {
    return Stream.of(
        row("connection reset after sending", true, false,
            () -> new ApiConnectionException("reset", new SocketException("Connection reset"), true)),
        row("connection refused, nothing sent", true, true,
            () -> new ApiConnectionException("refused", new ConnectException("refused"), false)),
        row("read timeout, request sent", true, false,
            () -> new ApiTimeoutException("read timed out", new SocketTimeoutException(), true)),
        row("connect timeout, nothing sent", true, true,
            () -> new ApiTimeoutException("connect timed out", new SocketTimeoutException(), false)),
        row("429 rate limited", true, false,
            () -> new RateLimitException("429", "", Duration.ofSeconds(1))),
        row("429 without Retry-After", true, false,
            () -> new RateLimitException("429", "", null)),
        row("502 bad gateway", true, false,
            () -> new UnexpectedResponseException("502", 502, "<html/>")),
        row("503 unavailable", true, false,
            () -> new UnexpectedResponseException("503", 503, "")),
        row("504 gateway timeout", true, false,
            () -> new UnexpectedResponseException("504", 504, "")),
        row("500 server error", false, false,
            () -> new UnexpectedResponseException("500", 500, "")),
        row("422 without envelope", false, false,
            () -> new UnexpectedResponseException("422", 422, "{}")),
        row("200 malformed body", false, false,
            () -> new UnexpectedResponseException("200", 200, "{\"status\":")),
        row("404 page", false, false,
            () -> new UnexpectedResponseException("404", 404, "<html/>")),
        row("documented error 502 'Campaign ID not found' on 422", false, false,
            () -> new NotFoundException("nf", 422, List.of(502), List.of("Campaign ID not found"), "{}")),
        row("authentication failure 401", false, false,
            () -> new AuthenticationException("auth", 401, List.of(1000), List.of("x"), "{}")),
        row("HTTP 429, rate limited", true, false,
            () -> new RateLimitException("429", "", Duration.ofSeconds(1))),
        row("HTTP 503 without the envelope", true, false,
            () -> new UnexpectedResponseException("503", 503, "")),
        row("HTTP 500 without the envelope", false, false,
            () -> new UnexpectedResponseException("500", 500, "")),
        row("request validation", false, false,
            () -> new RequestValidationException("campaign: must not be null")),
        row("programming error", false, false,
            () -> new IllegalStateException("closed")));
  }

  private static Arguments row(String name, boolean readOnly, boolean createOrSend,
      Supplier<Throwable> failure) {
    return Arguments.of(name, readOnly, createOrSend, failure);
  }

  @ParameterizedTest(name = "{0}: read-only {1}, create/send {2}")
  @MethodSource("truthTable")
  void isRetryableFollowsTheTruthTableForEveryOperation(String name, boolean readOnly,
      boolean createOrSend, Supplier<Throwable> failure) {
    SoftAssertions softly = new SoftAssertions();
    for (Spec.Operation operation : OPERATIONS) {
      // An idempotent operation (DELETE …/access) is retried like a read.
      boolean safe = operation.readOnly() || operation.idempotent();
      boolean expected = safe ? readOnly : createOrSend;
      softly.assertThat(RetryPolicy.isRetryable(safe, failure.get()))
          .as("%s after %s", operation.operationId(), name).isEqualTo(expected);
    }
    softly.assertAll();
  }

  // ---------------------------------------------------------------- delays

  @ParameterizedTest(name = "Retry-After {0} s")
  @ValueSource(ints = {0, 1, 2, 29, 30})
  void retryAfterIsWaitedExactlyWithoutJitter(int seconds) {
    for (int attempt = 1; attempt <= 5; attempt++) {
      Duration delay = RetryPolicy.delayBefore(attempt,
          new RateLimitException("429", "", Duration.ofSeconds(seconds)));
      assertThat(delay).isEqualTo(Duration.ofSeconds(seconds));
    }
  }

  @Test
  void retryAfterIsCappedAtThirtySeconds() {
    assertThat(RetryPolicy.delayBefore(1,
        new UnexpectedResponseException("503", 503, "", Duration.ofSeconds(3600))))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void backoffDoublesFrom200MsUpToFiveSecondsWithQuarterJitter() {
    Throwable reset = new ApiConnectionException("reset", null, true);
    for (int i = 0; i < 500; i++) {
      assertThat(RetryPolicy.delayBefore(1, reset).toMillis()).isBetween(150L, 250L);
      assertThat(RetryPolicy.delayBefore(2, reset).toMillis()).isBetween(300L, 500L);
      assertThat(RetryPolicy.delayBefore(3, reset).toMillis()).isBetween(600L, 1000L);
      assertThat(RetryPolicy.delayBefore(10, reset).toMillis()).isBetween(3750L, 6250L);
      assertThat(RetryPolicy.delayBefore(1000, reset).toMillis()).isBetween(3750L, 6250L);
    }
  }

  @Test
  void backoffIsJitteredAlsoAtItsCap() {
    Throwable reset = new ApiConnectionException("reset", null, true);
    for (int attempt : new int[] {2, 10}) {
      Set<Duration> delays = Stream.generate(() -> RetryPolicy.delayBefore(attempt, reset))
          .limit(50).collect(Collectors.toSet());
      assertThat(delays).as("attempt %d", attempt).hasSizeGreaterThan(5);
    }
  }

  // ---------------------------------------------------------------- execute

  @Test
  void executeTriesReadOnlyOperationOncePlusMaxRetries() {
    AtomicInteger attempts = new AtomicInteger();
    long started = System.nanoTime();

    Throwable thrown = catchThrowable(() -> new RetryPolicy().execute(operation("listCoupons", true), 2, () -> {
      attempts.incrementAndGet();
      throw new ApiConnectionException("reset", null, true);
    }));

    assertThat(thrown).isExactlyInstanceOf(ApiConnectionException.class).hasMessage("reset");
    assertThat(attempts).hasValue(3);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isBetween(Duration.ofMillis(450), Duration.ofSeconds(3));
  }

  @Test
  void executeSendsCreateOrSendOperationOnceWhenTheRequestMayHaveArrived() {
    AtomicInteger attempts = new AtomicInteger();

    Throwable thrown = catchThrowable(() -> new RetryPolicy().execute(operation("sendCouponByEmail", false), 5, () -> {
      attempts.incrementAndGet();
      throw new ApiTimeoutException("read timed out", null, true);
    }));

    assertThat(thrown).isExactlyInstanceOf(ApiTimeoutException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void executeRetriesCreateOrSendOperationWhenNothingWasSentAndReturnsTheLaterResult() {
    AtomicInteger attempts = new AtomicInteger();

    String result = new RetryPolicy().execute(operation("createSingleUseUrl", false), 2, () -> {
      if (attempts.incrementAndGet() < 3) {
        throw new ApiConnectionException("refused", null, false);
      }
      return "created";
    });

    assertThat(result).isEqualTo("created");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void executeWithZeroRetriesTriesOnce() {
    AtomicInteger attempts = new AtomicInteger();

    Throwable thrown = catchThrowable(() -> new RetryPolicy().execute(operation("listCoupons", true), 0, () -> {
      attempts.incrementAndGet();
      throw new UnexpectedResponseException("503", 503, "");
    }));

    assertThat(thrown).isExactlyInstanceOf(UnexpectedResponseException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void executeDoesNotRetryAFailureOutsideThePolicy() {
    AtomicInteger attempts = new AtomicInteger();

    Throwable thrown = catchThrowable(() -> new RetryPolicy().execute(operation("listCoupons", true), 3, () -> {
      attempts.incrementAndGet();
      throw new UnexpectedResponseException("500", 500, "");
    }));

    assertThat(thrown).isExactlyInstanceOf(UnexpectedResponseException.class);
    assertThat(attempts).hasValue(1);
  }

  private static Operation<Void, String> operation(String operationId, boolean readOnly) {
    return new Operation<>(operationId, "POST", "/test", readOnly, false, String.class);
  }
}
