package io.github.coupontools.examples;

import io.github.coupontools.sdk.CouponToolsClient;

/** Builds the examples' client from the environment, as an application would. */
final class Env {

  private Env() {}

  /**
   * A client for {@code COUPONTOOLS_BASE_URL} (production when unset) with the credentials of
   * {@code COUPONTOOLS_CLIENT_ID} and {@code COUPONTOOLS_CLIENT_SECRET}.
   */
  static CouponToolsClient client() {
    String baseUrl = System.getenv("COUPONTOOLS_BASE_URL");
    return CouponToolsClient.builder()
        .baseUrl(baseUrl == null || baseUrl.isBlank() ? CouponToolsClient.PRODUCTION.toString() : baseUrl)
        .build();
  }
}
