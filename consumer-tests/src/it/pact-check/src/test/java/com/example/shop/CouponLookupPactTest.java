package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.coupontools.sdk.CouponToolsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The checkout's contract with Coupontools, recorded through the SDK: target/pacts. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "coupontools-api", hostInterface = "127.0.0.1",
    pactVersion = PactSpecVersion.V4)
class CouponLookupPactTest {

  @Pact(consumer = "shop-checkout")
  V4Pact couponTitle(PactDslWithProvider builder) {
    return builder.given("coupon cam_123456 exists")
        .uponReceiving("the details of coupon cam_123456")
        .method("POST")
        .path("/v3/coupon/info")
        .matchHeader("X-Client-Id", ".+", "shop")
        .matchHeader("X-Client-Secret", ".+", "secret")
        .headers("Content-Type", "application/json")
        // The SDK sends show_usage_stats with its documented default.
        .body("{\"campaign\":\"cam_123456\",\"show_usage_stats\":false}", "application/json")
        .willRespondWith()
        .status(200)
        .headers(java.util.Map.of("Content-Type", "application/json"))
        .body(new PactDslJsonBody()
            .object("status").stringValue("status", "OK").closeObject()
            .object("coupon_info")
            .stringMatcher("ID", "cam_[A-Za-z0-9]+", "cam_123456")
            .stringType("title", "Coupon title")
            .closeObject())
        .toPact(V4Pact.class);
  }

  @Test
  void theCheckoutShowsTheCouponsTitle(MockServer server) {
    try (CouponToolsClient client = CouponToolsClient.builder().clientId("shop")
        .clientSecret("secret").baseUrl(server.getUrl()).maxRetries(0).build()) {
      assertEquals("Coupon title", new CouponLookup(client).title("cam_123456"));
    }
  }
}
