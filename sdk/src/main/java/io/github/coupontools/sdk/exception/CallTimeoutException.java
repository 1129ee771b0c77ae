package io.github.coupontools.sdk.exception;

/**
 * The call's overall deadline ({@code RequestOptions.callTimeout()}, retries and their waits
 * included) passed. Its cause is the failure of the last attempt, if there was one. Not retried.
 */
public class CallTimeoutException extends ApiTimeoutException {
  private static final long serialVersionUID = 1L;

  public CallTimeoutException(String message, Throwable cause, boolean requestSent) {
    super(message, cause, requestSent);
  }
}
