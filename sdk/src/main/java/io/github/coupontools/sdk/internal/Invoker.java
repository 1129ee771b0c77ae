package io.github.coupontools.sdk.internal;

import io.github.coupontools.sdk.RequestOptions;

/** What every generated service calls: one operation, one request, one answer or exception. */
public interface Invoker {

  /**
   * Validates, sends (retrying as the operation allows) and reads one call without path or query
   * parameters.
   *
   * @param request the request model; ignored for operations whose body is always empty
   * @param options the options of this call, or null for the client's
   * @throws io.github.coupontools.sdk.exception.CouponToolsException for every failure
   */
  default <Q, R> R invoke(Operation<Q, R> operation, Q request, RequestOptions options) {
    return invoke(operation, new Object[0], request, options);
  }

  /**
   * Validates, sends (retrying as the operation allows) and reads one call.
   *
   * @param parameters the values of the operation's {@link Operation#parameters()}, in order
   * @param request the request model; ignored for operations without a model body
   * @param options the options of this call, or null for the client's
   * @throws io.github.coupontools.sdk.exception.CouponToolsException for every failure
   */
  <Q, R> R invoke(Operation<Q, R> operation, Object[] parameters, Q request,
      RequestOptions options);
}
