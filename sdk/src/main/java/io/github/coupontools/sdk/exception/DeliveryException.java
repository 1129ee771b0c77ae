package io.github.coupontools.sdk.exception;

import java.util.List;

/** The API could not deliver or generate what was asked (6xx codes: SMS or email not sent, low on validation codes). */
public class DeliveryException extends CouponToolsException {
  private static final long serialVersionUID = 1L;

  public DeliveryException(String message, int httpStatus, List<Integer> errorCodes,
      List<String> errorDescriptions, String rawBody) {
    super(message, null, httpStatus, errorCodes, errorDescriptions, rawBody);
  }
}
