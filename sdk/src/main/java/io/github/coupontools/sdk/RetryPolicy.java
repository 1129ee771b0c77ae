package io.github.coupontools.sdk;

import dev.failsafe.Failsafe;
import dev.failsafe.function.CheckedSupplier;
import io.github.coupontools.sdk.exception.ApiConnectionException;
import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed call is tried again (exponential backoff with jitter, by Failsafe).
 *
 * <ul>
 *   <li>Read-only operations ({@link #READ_ONLY_OPERATIONS}: lists, info, data, search,
 *       barcode, verification) are retried on connection failures, timeouts and HTTP 429, 502,
 *       503 and 504, after the server's {@code Retry-After} when it sent one.</li>
 *   <li>Operations that create, send, update or delete are retried only when the request
 *       certainly never reached the server (the connection could not be opened). A timeout, a
 *       reset or an error status after sending is never retried for them: a second coupon
 *       email or a second validation is a real-world bug.</li>
 * </ul>
 */
public final class RetryPolicy {

  /**
   * The operations that only read. Kept equal to the contract's {@code x-coupontools-read-only}
   * flags by a test.
   */
  public static final Set<String> READ_ONLY_OPERATIONS = Set.of(
      "listCoupons", "getCoupon",
      "listCouponSessions", "listOpenedCouponSessions", "listClaimedCouponSessions",
      "listValidatedCouponSessions", "getCouponSession", "searchCouponSessions",
      "generateCouponSessionBarcode",
      "listSmsGroups", "listSmsContacts", "listEmailGroups", "listEmailContacts",
      "verifyWebhook", "verifyWebhookV3");

  private static final Duration FIRST_DELAY = Duration.ofMillis(200);
  private static final Duration MAX_DELAY = Duration.ofSeconds(5);
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);
  private static final double JITTER = 0.25;

  private final ConcurrentMap<String, dev.failsafe.RetryPolicy<Object>> policies =
      new ConcurrentHashMap<>();

  /** Whether the operation may be retried after the request may have reached the server. */
  public static boolean isReadOnly(String operationId) {
    return READ_ONLY_OPERATIONS.contains(operationId);
  }

  /** Whether this failure of this operation is worth another attempt. */
  public static boolean isRetryable(String operationId, Throwable failure) {
    if (failure instanceof ApiConnectionException) {
      return isReadOnly(operationId) || !((ApiConnectionException) failure).requestSent();
    }
    if (failure instanceof UnexpectedResponseException && isReadOnly(operationId)) {
      int status = ((UnexpectedResponseException) failure).httpStatus();
      return status == 429 || status == 502 || status == 503 || status == 504;
    }
    return false;
  }

  <T> T execute(String operationId, int maxRetries, CheckedSupplier<T> attempt) {
    if (maxRetries == 0) {
      return Failsafe.none().get(attempt);
    }
    @SuppressWarnings("unchecked")
    dev.failsafe.RetryPolicy<T> policy = (dev.failsafe.RetryPolicy<T>) (Object)
        policies.computeIfAbsent(operationId + '/' + maxRetries, key -> build(operationId, maxRetries));
    return Failsafe.with(policy).get(attempt);
  }

  private static dev.failsafe.RetryPolicy<Object> build(String operationId, int maxRetries) {
    // The delay function decides every delay itself: Failsafe 3 throws a NullPointerException
    // when a delay function returns null, and would add its own jitter to the server's
    // Retry-After (waiting less than the server asked). No Failsafe backoff or jitter is set.
    return dev.failsafe.RetryPolicy.builder()
        .handleIf(failure -> isRetryable(operationId, failure))
        .withMaxRetries(maxRetries)
        .withDelayFn(context -> delayBefore(context.getAttemptCount(), context.getLastException()))
        .build();
  }

  /**
   * The wait before the next attempt, after {@code failedAttempts} failed ones: the server's
   * {@code Retry-After} (capped at 30 s) when it sent one, else an exponential backoff from
   * 200 ms up to 5 s, with +-25 % jitter (as Failsafe's backoff and jitter would).
   */
  static Duration delayBefore(int failedAttempts, Throwable failure) {
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
    if (failure instanceof UnexpectedResponseException) {
      return ((UnexpectedResponseException) failure).retryAfter()
          .map(wait -> wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait)
          .orElse(null);
    }
    return null;
  }
}
