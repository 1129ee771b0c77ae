package io.github.coupontools.sdk.exception;

import java.time.Duration;

/**
 * HTTP 429: too many requests. Read-only operations are retried automatically, after the
 * {@code Retry-After} the server sent, until retries run out.
 */
public class RateLimitException extends UnexpectedResponseException {
  private static final long serialVersionUID = 1L;

  public RateLimitException(String message, String rawBody, Duration retryAfter) {
    super(message, 429, rawBody, retryAfter);
  }
}
