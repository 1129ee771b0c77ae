package io.github.coupontools.sdk.exception;

import java.util.List;

/**
 * The request breaks a rule of the contract (required field, enum, length, pattern, or a rule
 * between fields) and was not sent. Each violation names the JSON field and the rule.
 */
public class RequestValidationException extends CouponToolsException {
  private static final long serialVersionUID = 1L;

  private final List<String> violations;

  public RequestValidationException(String message) {
    this(message, List.of(message));
  }

  public RequestValidationException(String message, List<String> violations) {
    super(message);
    this.violations = List.copyOf(violations);
  }

  /** One line per broken rule, for example {@code campaign: must match "^cam_[0-9]+$"}. */
  public List<String> violations() {
    return violations;
  }
}
