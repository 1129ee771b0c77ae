package io.github.coupontools.sdk.internal;

import java.util.Objects;

/**
 * What the invoker needs to know about one operation of the contract; generated into each
 * service from the spec, so a spec fact (such as {@code x-coupontools-read-only}) is never copied
 * into hand-written code.
 *
 * @param <Q> the request model ({@link Void} when the request body is always empty)
 * @param <R> the response model
 */
public final class Operation<Q, R> {
  private final String operationId;
  private final String method;
  private final String path;
  private final boolean readOnly;
  private final boolean emptyBody;
  private final Class<R> responseType;

  public Operation(String operationId, String method, String path, boolean readOnly,
      boolean emptyBody, Class<R> responseType) {
    this.operationId = Objects.requireNonNull(operationId, "operationId");
    this.method = Objects.requireNonNull(method, "method");
    this.path = Objects.requireNonNull(path, "path");
    this.readOnly = readOnly;
    this.emptyBody = emptyBody;
    this.responseType = Objects.requireNonNull(responseType, "responseType");
  }

  public String operationId() {
    return operationId;
  }

  public String method() {
    return method;
  }

  /** Path below the base URL, for example {@code /v3/coupon/list}. */
  public String path() {
    return path;
  }

  /** The contract's {@code x-coupontools-read-only}: safe to send again after any failure. */
  public boolean readOnly() {
    return readOnly;
  }

  /** The request body is always the empty JSON object. */
  public boolean emptyBody() {
    return emptyBody;
  }

  public Class<R> responseType() {
    return responseType;
  }

  @Override
  public String toString() {
    return operationId + " (" + method + " " + path + (readOnly ? ", read-only" : "") + ")";
  }
}
