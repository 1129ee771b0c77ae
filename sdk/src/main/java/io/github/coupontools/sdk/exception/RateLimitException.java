package io.github.coupontools.sdk.exception;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * HTTP 429: too many requests. Read-only operations are retried automatically, after the
 * {@code Retry-After} the server sent, until retries run out.
 */
public class RateLimitException extends CouponToolsException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  public RateLimitException(String message, String rawBody, Duration retryAfter) {
    super(message, null, 429, List.of(), List.of(), rawBody);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait before trying again ({@code Retry-After}), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
