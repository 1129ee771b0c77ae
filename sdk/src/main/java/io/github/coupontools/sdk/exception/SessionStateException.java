package io.github.coupontools.sdk.exception;

import java.util.List;

/** The coupon session is not in a state that allows the operation (codes 351-360), for example 358 "This session was already validated". */
public class SessionStateException extends CouponToolsException {
  private static final long serialVersionUID = 1L;

  public SessionStateException(String message, int httpStatus, List<Integer> errorCodes,
      List<String> errorDescriptions, String rawBody) {
    super(message, null, httpStatus, errorCodes, errorDescriptions, rawBody);
  }
}
