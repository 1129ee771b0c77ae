package io.github.coupontools.sdk.internal;

/**
 * Implemented by every generated model: checks the object against the contract's constraints,
 * in code generated from the spec.
 */
public interface Validatable {

  /** Adds one line per broken rule of this object (and of the objects it holds). */
  void collectViolations(Violations violations);
}
