package io.github.coupontools.sdk.exception;

import java.util.List;

/** Bad credentials or an account that may not do this: code 1000 and the 1xx account codes (101 account expired, 102 subaccount credentials, 103 no SMS integration, 104 no email integration). */
public class AuthenticationException extends CouponToolsException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message, int httpStatus, List<Integer> errorCodes,
      List<String> errorDescriptions, String rawBody) {
    super(message, null, httpStatus, errorCodes, errorDescriptions, rawBody);
  }
}
