package io.github.coupontools.sdk.exception;

import java.util.List;
import java.util.Optional;

/**
 * Root of every failure the SDK raises (unchecked). Carries what the API said: the HTTP status,
 * the Coupontools error code(s) and description(s), and the raw response body.
 *
 * <p>Subclasses follow the documented error classes; the README's error table gives the mapping.
 */
public class CouponToolsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final List<Integer> errorCodes;
  private final List<String> errorDescriptions;
  private final String rawBody;

  public CouponToolsException() {
    this((String) null);
  }

  public CouponToolsException(String message) {
    this(message, null);
  }

  public CouponToolsException(Throwable cause) {
    this(cause == null ? null : cause.toString(), cause);
  }

  public CouponToolsException(String message, Throwable cause) {
    this(message, cause, 0, List.of(), List.of(), null);
  }

  public CouponToolsException(String message, Throwable cause, int httpStatus,
      List<Integer> errorCodes, List<String> errorDescriptions, String rawBody) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCodes = List.copyOf(errorCodes);
    this.errorDescriptions = List.copyOf(errorDescriptions);
    this.rawBody = rawBody;
  }

  /** HTTP status of the response, or 0 when no response was received. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The Coupontools error codes of the response, in order; empty when it carried none. */
  public List<Integer> errorCodes() {
    return errorCodes;
  }

  /** The first Coupontools error code, if any (for example 502 for "Campaign ID not found"). */
  public Optional<Integer> errorCode() {
    return errorCodes.isEmpty() ? Optional.empty() : Optional.of(errorCodes.get(0));
  }

  /** The error descriptions of the response, one per code, as the API wrote them. */
  public List<String> errorDescriptions() {
    return errorDescriptions;
  }

  /** The raw response body, or null when no response was received. */
  public String rawBody() {
    return rawBody;
  }
}
