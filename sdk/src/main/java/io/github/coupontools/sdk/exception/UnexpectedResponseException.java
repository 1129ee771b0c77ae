package io.github.coupontools.sdk.exception;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The response was not what the contract describes: an HTML error page, an empty or malformed
 * body, or an HTTP error without the Coupontools error envelope. {@link #httpStatus()} tells
 * which; 502, 503 and 504 are retried automatically for read-only operations.
 */
public class UnexpectedResponseException extends CouponToolsException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public UnexpectedResponseException(String message, int httpStatus, String rawBody,
      Duration retryAfter) {
    super(message, null, httpStatus, List.of(), List.of(), rawBody);
    this.retryAfter = retryAfter;
  }

  public UnexpectedResponseException(String message, int httpStatus, String rawBody) {
    this(message, httpStatus, rawBody, null);
  }

  /** How long the server asked to wait before trying again ({@code Retry-After}), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
