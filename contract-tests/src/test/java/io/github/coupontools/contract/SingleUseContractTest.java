package io.github.coupontools.contract;

import static io.github.coupontools.contract.SpecInteraction.CONSUMER;
import static io.github.coupontools.contract.SpecInteraction.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.coupontools.sdk.exception.DeliveryException;
import io.github.coupontools.sdk.exception.NotFoundException;
import io.github.coupontools.sdk.model.CreateMultipleSingleUseUrlsRequest;
import io.github.coupontools.sdk.model.CreateMultipleSingleUseUrlsResponse;
import io.github.coupontools.sdk.model.CreateSingleUseUrlRequest.AutovalcodeEnum;
import io.github.coupontools.sdk.model.CreateSingleUseUrlRequest.DuplicateCheckEnum;
import io.github.coupontools.sdk.model.CreateSingleUseUrlRequest;
import io.github.coupontools.sdk.model.CreateSingleUseUrlResponse;
import io.github.coupontools.sdk.model.CreateMultipleSingleUseUrlsRequest;
import io.github.coupontools.sdk.model.CreateMultipleSingleUseUrlsResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Consumer contract of the "Single-use" section: one or many single-use coupon URLs. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, hostInterface = "127.0.0.1", pactVersion = PactSpecVersion.V4)
class SingleUseContractTest extends ConsumerContract {

  // createSingleUseUrl

  @Pact(consumer = CONSUMER)
  V4Pact newSingleUseUrl(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "createSingleUseUrl")
        .given(ProviderStates.COUPON_EXISTS)
        .uponReceiving("a request for a single-use URL of coupon cam_123456")
        .request("minimal")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "newSingleUseUrl")
  void createSingleUseUrlReturnsTheNewSessionAndItsUrl(MockServer server) {
    CreateSingleUseUrlResponse response = client(server).singleUse()
        .createSingleUseUrl(new CreateSingleUseUrlRequest().campaign("cam_123456"));

    assertThat(response.getAction()).isEqualTo("single_use_code_created");
    assertThat(response.getSingleUseCode()).isEqualTo("c43403t2fv7qz27in745p");
    assertThat(response.getSingleUseUrl()).startsWith("https://")
        .endsWith("/" + response.getSingleUseCode());
    assertThat(response.getWidgetValidationCode()).isEqualTo("c43403");
    assertThat(response.getDuplicateFound()).isNull();
  }

  private static CreateSingleUseUrlRequest prefilledForJohn() {
    return new CreateSingleUseUrlRequest().campaign("cam_123456")
        .firstname("John").lastname("Doe").email("john@doe.com")
        .customid("crm4711").customfield1("Newsletter")
        .autovalcode(AutovalcodeEnum._8DIGITS)
        .duplicateCheck(DuplicateCheckEnum.EMAIL)
        .utmSource("newsletter").utmMedium("email").utmCampaign("spring")
        .expiryDate("2030-12-31 23:59:59");
  }

  @Pact(consumer = CONSUMER)
  V4Pact duplicateSingleUseUrl(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "createSingleUseUrl")
        .given(ProviderStates.SINGLE_USE_URL_EXISTS_FOR_EMAIL)
        .uponReceiving("a request for a prefilled single-use URL with a duplicate check on an"
            + " email address that already has one")
        .request("prefilled")
        .respondWith(200, "duplicateFound");
  }

  @Test
  @PactTestFor(pactMethod = "duplicateSingleUseUrl")
  void createSingleUseUrlWithDuplicateCheckReturnsTheExistingSession(MockServer server) {
    CreateSingleUseUrlResponse response = client(server).singleUse()
        .createSingleUseUrl(prefilledForJohn());

    assertThat(response.getDuplicateFound()).isTrue();
    assertThat(response.getSingleUseUrl()).endsWith("/" + response.getSingleUseCode());
  }

  @Pact(consumer = CONSUMER)
  V4Pact singleUseUrlOfUnknownCoupon(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "createSingleUseUrl")
        .given(ProviderStates.COUPON_MISSING)
        .uponReceiving("a request for a single-use URL of an unknown coupon")
        .request("minimal", Map.of("campaign", "cam_999999"))
        .respondWith(422, "campaignNotFound");
  }

  @Test
  @PactTestFor(pactMethod = "singleUseUrlOfUnknownCoupon")
  void createSingleUseUrlOfAnUnknownCouponFailsWithNotFound502(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 502, "Campaign ID not found",
        () -> client(server).singleUse()
            .createSingleUseUrl(new CreateSingleUseUrlRequest().campaign("cam_999999")));
  }

  // createMultipleSingleUseUrls

  private static CreateMultipleSingleUseUrlsRequest hundredWithNumericCodes() {
    return new CreateMultipleSingleUseUrlsRequest().campaign("cam_123456").amount(100)
        .status(CreateMultipleSingleUseUrlsRequest.StatusEnum.ACTIVATED)
        .automatedCodes(true).codePrefix("SPRING").codeLength(12)
        .codeType(CreateMultipleSingleUseUrlsRequest.CodeTypeEnum.NUMERIC);
  }

  @Pact(consumer = CONSUMER)
  V4Pact singleUseUrlsWithCodes(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "createMultipleSingleUseUrls")
        .given(ProviderStates.COUPON_EXISTS)
        .uponReceiving("a request for 100 activated single-use URLs with generated numeric codes")
        .request("generatedCodes")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "singleUseUrlsWithCodes")
  void createSingleUseUrlsConfirmsTheCreationForTheCoupon(MockServer server) {
    CreateMultipleSingleUseUrlsResponse response = client(server).singleUse()
        .createMultipleSingleUseUrls(hundredWithNumericCodes());

    assertThat(response.getAction()).isEqualTo("single_use_code_created");
    assertThat(response.getCampaign()).matches("cam_\\d+");
    assertThat(response.getSingleUseUrl()).endsWith("/" + response.getSingleUseCode());
  }

  @Pact(consumer = CONSUMER)
  V4Pact singleUseUrlsWithoutCodesLeft(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "createMultipleSingleUseUrls")
        .given(ProviderStates.VALIDATION_CODES_EXHAUSTED)
        .uponReceiving("a request for single-use URLs with generated codes when none are left")
        .request("generatedCodes")
        .respondWith(422, "lowOnValidationCodes");
  }

  @Test
  @PactTestFor(pactMethod = "singleUseUrlsWithoutCodesLeft")
  void createSingleUseUrlsWithoutUniqueCodesLeftFailsWithDelivery601(MockServer server) {
    assertFailsWith(DeliveryException.class, 422, 601, "low on unique generated validation codes",
        () -> client(server).singleUse().createMultipleSingleUseUrls(hundredWithNumericCodes()));
  }
}
