package io.github.coupontools.sdk.exception;

/**
 * No usable response was received: the connection was refused, reset or closed early.
 * {@link #requestSent()} tells whether the request may have reached the server, which decides
 * whether an operation that creates or sends something may be retried.
 */
public class ApiConnectionException extends CouponToolsException {
  private static final long serialVersionUID = 1L;

  private final boolean requestSent;

  public ApiConnectionException(String message, Throwable cause, boolean requestSent) {
    super(message, cause);
    this.requestSent = requestSent;
  }

  /** False only when the request certainly never reached the server (for example: connection refused). */
  public boolean requestSent() {
    return requestSent;
  }
}
