package io.github.coupontools.examples;

import io.github.coupontools.sdk.CouponToolsClient;

/** Builds the examples' client from the environment, as an application would. */
final class Env {

  private Env() {}

  /**
   * A client for {@code COUPONTOOLS_BASE_URL} (production when unset) with the credentials of
   * {@code COUPONTOOLS_CLIENT_ID} and {@code COUPONTOOLS_CLIENT_SECRET}. Against the mock,
   * {@code COUPONTOOLS_PREFER} (for example {@code code=422, example=sessionAlreadyValidated})
   * picks which documented response it answers with, to try the error paths offline.
   */
  static CouponToolsClient client() {
    String baseUrl = System.getenv("COUPONTOOLS_BASE_URL");
    CouponToolsClient client = CouponToolsClient.builder()
        .baseUrl(baseUrl == null || baseUrl.isBlank() ? CouponToolsClient.PRODUCTION.toString() : baseUrl)
        .build();
    String prefer = System.getenv("COUPONTOOLS_PREFER");
    return prefer == null || prefer.isBlank() ? client
        : client.withOptions(client.options().withHeader("Prefer", prefer));
  }
}
