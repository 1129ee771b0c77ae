package io.github.coupontools.sdk.exception;

/**
 * The response body, once decoded (after gzip), was larger than the limit of
 * {@code RequestOptions.maxResponseBytes()}; reading stopped there. Not retried.
 */
public class ResponseTooLargeException extends CouponToolsException {
  private static final long serialVersionUID = 1L;

  private final long limitBytes;

  public ResponseTooLargeException(String message, Throwable cause, long limitBytes) {
    super(message, cause);
    this.limitBytes = limitBytes;
  }

  /** The limit the body went over, in bytes. */
  public long limitBytes() {
    return limitBytes;
  }
}
