package io.github.coupontools.sdk.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.function.CheckedSupplier;
import io.github.coupontools.sdk.exception.ApiConnectionException;
import io.github.coupontools.sdk.exception.RateLimitException;
import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed call is tried again (exponential backoff with jitter, by Failsafe).
 *
 * <ul>
 *   <li>Read-only operations (the contract's {@code x-coupontools-read-only}, carried by each
 *       {@link Operation}: lists, info, data, search, barcode, verification) are retried on connection failures, timeouts and HTTP 429, 502,
 *       503 and 504, after the server's {@code Retry-After} when it sent one.</li>
 *   <li>Operations that create, send, update or delete are retried only when the request
 *       certainly never reached the server (the connection could not be opened). A timeout, a
 *       reset or an error status after sending is never retried for them: a second coupon
 *       email or a second validation is a real-world bug.</li>
 * </ul>
 */
public final class RetryPolicy {

  private static final Duration FIRST_DELAY = Duration.ofMillis(200);
  private static final Duration MAX_DELAY = Duration.ofSeconds(5);
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);
  private static final double JITTER = 0.25;

  private final ConcurrentMap<String, dev.failsafe.RetryPolicy<Object>> policies =
      new ConcurrentHashMap<>();

  /** Whether this failure of an operation ({@code readOnly} or not) is worth another attempt. */
  public static boolean isRetryable(boolean readOnly, Throwable failure) {
    if (failure instanceof ApiConnectionException) {
      return readOnly || !((ApiConnectionException) failure).requestSent();
    }
    if (failure instanceof RateLimitException) {
      return readOnly;
    }
    if (failure instanceof UnexpectedResponseException && readOnly) {
      int status = ((UnexpectedResponseException) failure).httpStatus();
      return status == 502 || status == 503 || status == 504;
    }
    return false;
  }

  public <T> T execute(Operation<?, ?> operation, int maxRetries, CheckedSupplier<T> attempt) {
    if (maxRetries == 0) {
      return Failsafe.none().get(attempt);
    }
    @SuppressWarnings("unchecked")
    dev.failsafe.RetryPolicy<T> policy = (dev.failsafe.RetryPolicy<T>) (Object)
        policies.computeIfAbsent(operation.operationId() + '/' + maxRetries,
            key -> build(operation.readOnly(), maxRetries));
    return Failsafe.with(policy).get(attempt);
  }

  private static dev.failsafe.RetryPolicy<Object> build(boolean readOnly, int maxRetries) {
    // The delay function decides every delay itself: Failsafe 3 throws a NullPointerException
    // when a delay function returns null, and would add its own jitter to the server's
    // Retry-After (waiting less than the server asked). No Failsafe backoff or jitter is set.
    return dev.failsafe.RetryPolicy.builder()
        .handleIf(failure -> isRetryable(readOnly, failure))
        .withMaxRetries(maxRetries)
        .withDelayFn(context -> delayBefore(context.getAttemptCount(), context.getLastException()))
        .build();
  }

  /**
   * The wait before the next attempt, after {@code failedAttempts} failed ones: the server's
   * {@code Retry-After} (capped at 30 s) when it sent one, else an exponential backoff from
   * 200 ms up to 5 s, with +-25 % jitter (as Failsafe's backoff and jitter would).
   */
  public static Duration delayBefore(int failedAttempts, Throwable failure) {
    Duration serverAsked = retryAfter(failure);
    if (serverAsked != null) {
      return serverAsked;
    }
    long backoff = Math.min(MAX_DELAY.toMillis(),
        FIRST_DELAY.toMillis() << Math.min(Math.max(failedAttempts - 1, 0), 16));
    double jitter = 1 + JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    return Duration.ofMillis(Math.round(backoff * jitter));
  }

  /** The server's Retry-After (capped), or null to use the backoff delay. */
  private static Duration retryAfter(Throwable failure) {
    if (failure instanceof RateLimitException || failure instanceof UnexpectedResponseException) {
      java.util.Optional<Duration> asked = failure instanceof RateLimitException
          ? ((RateLimitException) failure).retryAfter()
          : ((UnexpectedResponseException) failure).retryAfter();
      return asked
          .map(wait -> wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait)
          .orElse(null);
    }
    return null;
  }
}
