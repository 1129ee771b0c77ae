package io.github.coupontools.sdk.exception;

/** The connect or read timeout elapsed. */
public class ApiTimeoutException extends ApiConnectionException {
  private static final long serialVersionUID = 1L;

  public ApiTimeoutException(String message, Throwable cause, boolean requestSent) {
    super(message, cause, requestSent);
  }
}
