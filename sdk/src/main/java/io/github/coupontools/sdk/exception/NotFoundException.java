package io.github.coupontools.sdk.exception;

import java.util.List;

/** Something the request names does not exist (5xx Coupontools codes, for example 502 "Campaign ID not found", 513 "Coupon session not found"). */
public class NotFoundException extends CouponToolsException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message, int httpStatus, List<Integer> errorCodes,
      List<String> errorDescriptions, String rawBody) {
    super(message, null, httpStatus, errorCodes, errorDescriptions, rawBody);
  }
}
