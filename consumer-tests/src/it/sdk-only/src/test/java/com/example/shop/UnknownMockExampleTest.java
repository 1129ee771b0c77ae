package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coupontools.mock.CouponToolsMockExtension;
import io.github.coupontools.mock.PrismMock;
import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.RequestOptions;
import io.github.coupontools.sdk.exception.CouponToolsException;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A typo in a Prefer example name fails with the mock's one sentence, not a plausible 404. */
@ExtendWith(CouponToolsMockExtension.class)
class UnknownMockExampleTest {

  @Test
  void anUnknownPreferExampleFailsWithOneSentenceNamingTheExamplesThereAre(PrismMock mock)
      throws Exception {
    CouponToolsClient client = CouponToolsClient.builder()
        .clientId(PrismMock.CLIENT_ID).clientSecret(PrismMock.CLIENT_SECRET)
        .baseUrl(mock.baseUrl().toString()).build()
        .withOptions(RequestOptions.DEFAULTS.withHeader("Prefer", "example=sucess"));

    CouponToolsException failure = assertThrows(CouponToolsException.class,
        () -> client.coupons().listCoupons(new ListCouponsRequest()));

    assertEquals(404, failure.httpStatus());
    String detail = new ObjectMapper().readTree(failure.rawBody()).path("detail").asText();
    assertEquals("Prefer: the HTTP 200 response of listCoupons has no example named 'sucess';"
        + " its examples: success (error examples need code=<status> as well).", detail);
    assertTrue(failure.getMessage().contains("404"), failure.getMessage());
  }
}
