package io.github.coupontools.sdk.exception;

import java.util.List;

/** A parameter had an invalid value (codes 300-349; also the barcode endpoint's 400 codes). */
public class InvalidParameterException extends CouponToolsException {
  private static final long serialVersionUID = 1L;

  public InvalidParameterException(String message, int httpStatus, List<Integer> errorCodes,
      List<String> errorDescriptions, String rawBody) {
    super(message, null, httpStatus, errorCodes, errorDescriptions, rawBody);
  }
}
