package io.github.coupontools.sdk.exception;

/**
 * The calling thread was interrupted while the call waited to retry. The thread's interrupt flag
 * is set again, so the code above still sees it.
 */
public class CallInterruptedException extends CouponToolsException {
  private static final long serialVersionUID = 1L;

  public CallInterruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}
