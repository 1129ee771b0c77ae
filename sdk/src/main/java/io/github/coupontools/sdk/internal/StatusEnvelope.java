package io.github.coupontools.sdk.internal;

/**
 * A response model that carries the Coupontools status envelope {@code {"status":{"status":"OK"}}}.
 * Generated models implement it because the contract says so ({@code x-implements} on every
 * response schema whose {@code status} is the envelope), so the invoker recognises an answer
 * with an envelope by type, not by looking for a getter.
 */
public interface StatusEnvelope {

  /** The envelope's {@code status} object. */
  Outcome getStatus();

  /** The {@code status} object of the envelope ({@code Status} and its variants). */
  interface Outcome {

    /** {@code OK} on success, {@code failed} on an error. */
    String getStatus();
  }
}
