package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A deliberately wrong contract, as a hand-written HTTP client could have: it sends
 * {@code show_usage_stats} as text where the contract has a boolean, and expects a field
 * {@code discount_percent} the contract's coupon does not have. Pact's own mock accepts it; the
 * check against the Coupontools contract must not (PactsMatchCouponToolsContractIT).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "coupontools-api", hostInterface = "127.0.0.1",
    pactVersion = PactSpecVersion.V4)
@PactDirectory("target/pacts-mismatch")
class LegacyExportPactTest {

  static final String BODY = "{\"campaign\":\"cam_123456\",\"show_usage_stats\":\"yes\"}";

  @Pact(consumer = "shop-legacy-export")
  V4Pact couponWithDiscount(PactDslWithProvider builder) {
    return builder.given("coupon cam_123456 exists")
        .uponReceiving("the coupon cam_123456 with its usage stats and discount")
        .method("POST")
        .path("/v3/coupon/info")
        .matchHeader("X-Client-Id", ".+", "shop")
        .matchHeader("X-Client-Secret", ".+", "secret")
        .headers("Content-Type", "application/json")
        .body(BODY, "application/json")
        .willRespondWith()
        .status(200)
        .headers(java.util.Map.of("Content-Type", "application/json"))
        .body(new PactDslJsonBody()
            .object("status").stringValue("status", "OK").closeObject()
            .object("coupon_info")
            .stringType("ID", "cam_123456")
            .integerType("discount_percent", 10)
            .closeObject())
        .toPact(V4Pact.class);
  }

  @Test
  void theLegacyExportReadsTheDiscount(MockServer server) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.getUrl() + "/v3/coupon/info"))
            .header("Content-Type", "application/json")
            .header("X-Client-Id", "shop").header("X-Client-Secret", "secret")
            .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"discount_percent\":10"), response.body());
  }
}
