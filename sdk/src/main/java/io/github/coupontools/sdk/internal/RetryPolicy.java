package io.github.coupontools.sdk.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import io.github.coupontools.sdk.exception.ApiConnectionException;
import io.github.coupontools.sdk.exception.CallInterruptedException;
import io.github.coupontools.sdk.exception.CallTimeoutException;
import io.github.coupontools.sdk.exception.CouponToolsException;
import io.github.coupontools.sdk.exception.RateLimitException;
import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * When a failed call is tried again (exponential backoff with jitter, by Failsafe).
 *
 * <ul>
 *   <li>Read-only operations (the contract's {@code x-coupontools-read-only}, carried by each
 *       {@link Operation}: lists, info, data, search, barcode, verification, every v4 {@code GET})
 *       and idempotent ones ({@code x-coupontools-idempotent}: {@code DELETE …/access}) are retried on
 *       connection failures, timeouts and HTTP 429, 502, 503 and 504 (by status, whatever the
 *       body), after the server's {@code Retry-After} when it sent one; a {@code Retry-After}
 *       above 30 s is not waited for but thrown.</li>
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

  /** Executors are immutable and thread-safe: one per operation and retry count, made once. */
  private final ConcurrentMap<Operation<?, ?>, ConcurrentMap<Integer, FailsafeExecutor<Object>>>
      executors = new ConcurrentHashMap<>();

  /**
   * Whether this failure of an operation is worth another attempt; {@code readOnly} is the
   * operation's {@link Operation#safeToResend()} (read-only or idempotent).
   */
  public static boolean isRetryable(boolean readOnly, Throwable failure) {
    if (failure instanceof CallTimeoutException) {
      return false;
    }
    Duration asked = retryAfter(failure);
    if (asked != null && asked.compareTo(MAX_RETRY_AFTER) > 0) {
      // Longer than the cap: the caller gets the wait (retryAfter()) instead of a shortened sleep.
      return false;
    }
    if (failure instanceof ApiConnectionException) {
      return readOnly || !((ApiConnectionException) failure).requestSent();
    }
    if (failure instanceof CouponToolsException && readOnly) {
      // The status decides, whatever the body: a 503 with a JSON error envelope is still a 503.
      int status = ((CouponToolsException) failure).httpStatus();
      return status == 429 || status == 502 || status == 503 || status == 504;
    }
    return false;
  }

  /** Runs the attempts of a call without an overall deadline. */
  public <T> T execute(Operation<?, ?> operation, int maxRetries,
      java.util.function.Supplier<T> attempt) {
    return execute(operation, maxRetries, 0, lastFailure -> attempt.get());
  }

  /**
   * Runs the attempts; {@code attempt} receives the previous attempt's failure (null at first).
   * With a {@code deadlineNanos} (0 for none), no retry is made whose wait would pass it.
   */
  public <T> T execute(Operation<?, ?> operation, int maxRetries, long deadlineNanos,
      Function<Throwable, T> attempt) {
    if (maxRetries == 0) {
      return attempt.apply(null);
    }
    @SuppressWarnings("unchecked")
    FailsafeExecutor<T> executor = (FailsafeExecutor<T>) (Object) (deadlineNanos == 0
        ? executors.computeIfAbsent(operation, key -> new ConcurrentHashMap<>()).computeIfAbsent(
            maxRetries, key -> Failsafe.with(build(operation.safeToResend(), maxRetries, 0)))
        : Failsafe.with(build(operation.safeToResend(), maxRetries, deadlineNanos)));
    try {
      return executor.get(context -> attempt.apply(context.getLastException()));
    } catch (FailsafeException wrapped) {
      // No Failsafe type leaves the SDK; an interrupt during the wait keeps the thread's flag.
      Throwable cause = wrapped.getCause() == null ? wrapped : wrapped.getCause();
      if (cause instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
        Thread.currentThread().interrupt();
        throw new CallInterruptedException(operation.operationId()
            + " was interrupted while waiting to retry", cause);
      }
      throw new CouponToolsException(operation.operationId() + " failed: " + cause, cause);
    }
  }

  private static dev.failsafe.RetryPolicy<Object> build(boolean readOnly, int maxRetries,
      long deadlineNanos) {
    // The delay function decides every delay itself: Failsafe 3 throws a NullPointerException
    // when a delay function returns null, and would add its own jitter to the server's
    // Retry-After (waiting less than the server asked). No Failsafe backoff or jitter is set.
    return dev.failsafe.RetryPolicy.builder()
        .handleIf(failure -> isRetryable(readOnly, failure)
            && (deadlineNanos == 0 || fitsBefore(failure, deadlineNanos)))
        .withMaxRetries(maxRetries)
        .withDelayFn(context -> {
          Duration delay = delayBefore(context.getAttemptCount(), context.getLastException());
          if (deadlineNanos == 0) {
            return delay;
          }
          Duration left = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
          return delay.compareTo(left) <= 0 ? delay : left;
        })
        .build();
  }

  /** False when the server asked for a wait that would end after the call's deadline. */
  private static boolean fitsBefore(Throwable failure, long deadlineNanos) {
    Duration asked = retryAfter(failure);
    return asked == null || asked.toNanos() < deadlineNanos - System.nanoTime();
  }

  /**
   * The wait before the next attempt, after {@code failedAttempts} failed ones: the server's
   * {@code Retry-After} when it sent one (above 30 s the call is not retried), else an exponential backoff from
   * 200 ms up to 5 s, with +-25 % jitter (as Failsafe's backoff and jitter would).
   */
  public static Duration delayBefore(int failedAttempts, Throwable failure) {
    Duration serverAsked = retryAfter(failure);
    if (serverAsked != null) {
      return serverAsked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : serverAsked;
    }
    long backoff = Math.min(MAX_DELAY.toMillis(),
        FIRST_DELAY.toMillis() << Math.min(Math.max(failedAttempts - 1, 0), 16));
    double jitter = 1 + JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    return Duration.ofMillis(Math.round(backoff * jitter));
  }

  /** The server's Retry-After, or null to use the backoff delay. */
  private static Duration retryAfter(Throwable failure) {
    if (failure instanceof RateLimitException || failure instanceof UnexpectedResponseException) {
      java.util.Optional<Duration> asked = failure instanceof RateLimitException
          ? ((RateLimitException) failure).retryAfter()
          : ((UnexpectedResponseException) failure).retryAfter();
      return asked.orElse(null);
    }
    return null;
  }
}
