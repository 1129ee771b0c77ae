package io.github.coupontools.sdk.internal;

import io.github.coupontools.sdk.exception.RequestValidationException;
import java.util.List;

/**
 * Checks a request against the contract before it is sent: the constraints of each field
 * (required, lengths, patterns, ranges, formats) and the rules between fields, checked by code
 * generated from the spec into every model ({@link Validatable}). Messages name the JSON field
 * and the rule.
 */
final class RequestValidator {

  private RequestValidator() {}

  static void validate(String operationId, Object request) {
    if (request == null) {
      throw new RequestValidationException(operationId + ": the request body is required, not sent");
    }
    Violations violations = new Violations();
    if (request instanceof Validatable) {
      ((Validatable) request).collectViolations(violations);
    }
    List<String> problems = violations.problems();
    if (!problems.isEmpty()) {
      problems.sort(null);
      throw new RequestValidationException(
          "Invalid " + operationId + " request, not sent: " + String.join("; ", problems), problems);
    }
  }
}
