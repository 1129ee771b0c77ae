package io.github.coupontools.sdk.internal;

/**
 * Implemented by the generated results the contract marks {@code x-coupontools-binary-body}: the
 * invoker hands them a successful body that is not JSON (a barcode image) instead of failing.
 */
public interface BinaryBodyHolder {

  void binaryBody(byte[] body, String contentType);
}
