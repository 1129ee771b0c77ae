package io.github.coupontools.sdk.exception;

import java.util.List;

/** A required parameter was missing (code 200). */
public class MissingParameterException extends CouponToolsException {
  private static final long serialVersionUID = 1L;

  public MissingParameterException(String message, int httpStatus, List<Integer> errorCodes,
      List<String> errorDescriptions, String rawBody) {
    super(message, null, httpStatus, errorCodes, errorDescriptions, rawBody);
  }
}
