package io.github.coupontools.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import io.github.coupontools.sdk.model.GenerateCouponSessionBarcodeRequest;
import io.github.coupontools.sdk.model.GenerateCouponSessionBarcodeResponse;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code couponsession/barcode} documents no response: the contract marks its result
 * {@code x-coupontools-binary-body}, so an image answer is kept (bytes and content type) instead
 * of failing as a body that is not JSON.
 */
class BinaryAnswerTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 1, 2};

  @RegisterExtension
  static final WireMockExtension wireMock = LocalWireMock.server();
  private static CouponToolsClient client;

  @BeforeAll
  static void start() {
    client = LocalWireMock.client(wireMock, "binary");
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
  }

  private static GenerateCouponSessionBarcodeResponse barcode() {
    return client.couponSessions().generateCouponSessionBarcode(
        new GenerateCouponSessionBarcodeRequest().couponsession("ac6s7u3g8a25ja7x9qg87")
            .type(GenerateCouponSessionBarcodeRequest.TypeEnum.CODE39));
  }

  @Test
  void barcodeAnsweredWithAnImageKeepsItsBytesAndContentType() {
    wireMock.stubFor(post(urlEqualTo("/v3/couponsession/barcode")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "image/png").withBody(PNG)));

    GenerateCouponSessionBarcodeResponse response = barcode();

    assertThat(response.binaryBody()).hasValueSatisfying(body -> assertThat(body).isEqualTo(PNG));
    assertThat(response.binaryContentType()).contains("image/png");
    assertThat(response.getStatus()).isNull();
    wireMock.verify(postRequestedFor(urlEqualTo("/v3/couponsession/barcode"))
        .withHeader("Accept", equalTo("application/json, image/*")));
  }

  @Test
  void barcodeAnsweredWithJsonHasItsEnvelopeAndNoBinaryBody() {
    wireMock.stubFor(post(urlEqualTo("/v3/couponsession/barcode"))
        .willReturn(okJson("{\"status\":{\"status\":\"OK\"},\"barcode\":\"data:image/png;base64,AA==\"}")));

    GenerateCouponSessionBarcodeResponse response = barcode();

    assertThat(response.getStatus().getStatus()).isEqualTo("OK");
    assertThat(response.binaryBody()).isEmpty();
    assertThat(response.rawJson()).hasValueSatisfying(json ->
        assertThat(json.path("barcode").asText()).startsWith("data:image/png"));
  }

  @Test
  void imageAnswerToAnOperationWithoutBinaryResultIsAnUnexpectedResponse() {
    wireMock.stubFor(post(urlEqualTo("/v3/coupon/list")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "image/png").withBody(PNG)));

    UnexpectedResponseException error = catchThrowableOfType(UnexpectedResponseException.class,
        () -> client.coupons().listCoupons(new ListCouponsRequest()));

    assertThat(error).isNotNull();
    assertThat(error.httpStatus()).isEqualTo(200);
    wireMock.verify(postRequestedFor(urlEqualTo("/v3/coupon/list"))
        .withHeader("Accept", equalTo("application/json")));
  }
}
