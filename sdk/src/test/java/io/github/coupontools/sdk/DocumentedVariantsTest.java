package io.github.coupontools.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coupontools.mock.CouponToolsMockExtension;
import io.github.coupontools.mock.PrismMock;
import io.github.coupontools.openapi.Spec;
import io.github.coupontools.sdk.model.AddSmsContactRequest;
import io.github.coupontools.sdk.model.BatchUpdateCouponSessionsRequest;
import io.github.coupontools.sdk.model.CreateCouponRequest;
import io.github.coupontools.sdk.model.CreateMultipleSingleUseUrlsRequest;
import io.github.coupontools.sdk.model.CreateMultipleSingleUseUrlsResponse;
import io.github.coupontools.sdk.model.CreateSingleUseUrlRequest;
import io.github.coupontools.sdk.model.GetCouponRequest;
import io.github.coupontools.sdk.model.GetCouponSessionResponse;
import io.github.coupontools.sdk.model.ListCouponSessionsRequest;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import io.github.coupontools.sdk.model.SendCouponByEmailRequest;
import io.github.coupontools.sdk.model.SendCouponBySmsRequest;
import io.github.coupontools.sdk.model.UpdateCouponSessionRequest;
import io.github.coupontools.sdk.model.UpdateCouponSessionResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the documentation shows or allows goes through the SDK: each variant is sent without a
 * RequestValidationException and answered by the mock; the guessed response shapes deserialise
 * either way; undocumented keys stay readable; each documented webhook payload is one kind.
 */
@ExtendWith(CouponToolsMockExtension.class)
class DocumentedVariantsTest {

  private static CouponToolsClient client;

  @BeforeAll
  static void connect(PrismMock mock) {
    client = CouponToolsClient.builder().clientId(PrismMock.CLIENT_ID)
        .clientSecret(PrismMock.CLIENT_SECRET).baseUrl(mock.baseUrl()).maxRetries(0).build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @TestFactory
  Stream<DynamicTest> documentedVariantsAreSentAndAccepted() {
    Map<String, Callable<Object>> calls = new LinkedHashMap<>();
    calls.put("multiplesingleuse/create amount 10, code_length 3", () -> client.singleUse()
        .createMultipleSingleUseUrls(new CreateMultipleSingleUseUrlsRequest().campaign("cam_123456")
            .amount(10).automatedCodes(true).codeLength(3)));
    calls.put("multiplesingleuse/create code_length 30", () -> client.singleUse()
        .createMultipleSingleUseUrls(new CreateMultipleSingleUseUrlsRequest().campaign("cam_123456")
            .automatedCodes(true).codeLength(30)));
    calls.put("campaign/validations page 2", () -> client.couponSessions()
        .listValidatedCouponSessions(new ListCouponSessionsRequest().campaign("cam_123456").page(2)));
    calls.put("batch/update startsequence \"1000000\"", () -> client.couponSessions()
        .batchUpdateCouponSessions(new BatchUpdateCouponSessionsRequest().campaign("cam_123456")
            .startsequence("1000000")
            .operation(BatchUpdateCouponSessionsRequest.OperationEnum.VALIDATE)));
    calls.put("coupon/create: template of any form, colour without #, relative image URL",
        () -> client.coupons().createCoupon(new CreateCouponRequest().template("tpl_abc")
            .amountLimitation(5).codeLength(12).logoImage("logo.png").backgroundColor("000000")));
    calls.put("couponsession/update money_spent with 5 decimals, 6-character session",
        () -> client.couponSessions().updateCouponSession(new UpdateCouponSessionRequest()
            .couponsession("ac6s7u").moneySpent(new java.math.BigDecimal("12.12345"))));
    calls.put("coupon/list category cat_Xy-1", () -> client.coupons()
        .listCoupons(new ListCouponsRequest().category("cat_Xy-1")));
    calls.put("coupon/info show_usage_stats", () -> client.coupons()
        .getCoupon(new GetCouponRequest().campaign("cam_123456").showUsageStats(true)));
    calls.put("send/sms phone without +", () -> client.distribution().sendCouponBySms(
        new SendCouponBySmsRequest().campaign("cam_123456").phone("447911123456")));
    calls.put("send/sms a directory", () -> client.distribution().sendCouponBySms(
        new SendCouponBySmsRequest().campaign("dir_12345").phone("+447911123456")));
    calls.put("send/email a directory", () -> client.distribution().sendCouponByEmail(
        new SendCouponByEmailRequest().campaign("dir_12345").email("john@doe.com")));
    calls.put("smstool/addcontact phone without +", () -> client.smsGroups().addSmsContact(
        new AddSmsContactRequest().smsgroup("gro_12345").phone("447911123456")));
    calls.put("singleuse/create prefill email without format", () -> client.singleUse()
        .createSingleUseUrl(new CreateSingleUseUrlRequest().campaign("cam_123456")
            .email("john at doe")));
    return calls.entrySet().stream().map(call -> dynamicTest(call.getKey(),
        () -> assertThat(call.getValue().call()).as(call.getKey()).isNotNull()));
  }

  @Test
  void couponSessionFlagsAreReadInDataStatusAndDirectlyInData() throws Exception {
    ObjectMapper mapper = CouponToolsClient.newObjectMapper();
    GetCouponSessionResponse nested = mapper.readValue("{\"status\":{\"status\":\"OK\"},"
        + "\"data\":{\"status\":{\"claimed\":\"1\",\"voided\":\"0\"}}}",
        GetCouponSessionResponse.class);
    GetCouponSessionResponse flat = mapper.readValue("{\"status\":{\"status\":\"OK\"},"
        + "\"data\":{\"claimed\":\"1\",\"voided\":\"0\"}}", GetCouponSessionResponse.class);

    assertThat(nested.getData().getStatus().getClaimed()).isTrue();
    assertThat(flat.getData().getClaimed()).isTrue();
    assertThat(flat.getData().getVoided()).isFalse();
  }

  @Test
  void updateOutcomeIsReadBesideAndInsideStatus() throws Exception {
    ObjectMapper mapper = CouponToolsClient.newObjectMapper();
    UpdateCouponSessionResponse beside = mapper.readValue("{\"status\":{\"status\":\"OK\"},"
        + "\"operation\":\"validate_successful\"}", UpdateCouponSessionResponse.class);
    UpdateCouponSessionResponse inside = mapper.readValue("{\"status\":{\"status\":\"OK\","
        + "\"operation\":\"validate_successful\"}}", UpdateCouponSessionResponse.class);

    assertThat(beside.getOperation()).isEqualTo("validate_successful");
    assertThat(inside.getStatus().getOperation()).isEqualTo("validate_successful");
    assertThat(inside.getStatus().getStatus()).isEqualTo("OK");
  }

  @Test
  void undocumentedKeysOfMultipleSingleUseUrlsStayReadable() throws Exception {
    CreateMultipleSingleUseUrlsResponse response = CouponToolsClient.newObjectMapper().readValue(
        "{\"status\":{\"status\":\"OK\"},\"campaign\":\"cam_123456\","
            + "\"sequence_ids\":[\"1000000\",\"1000009\"]}",
        CreateMultipleSingleUseUrlsResponse.class);

    assertThat(response.getCampaign()).isEqualTo("cam_123456");
    assertThat(response.getAdditionalProperties()).containsKey("sequence_ids");
    assertThat(response.getAdditionalProperties().get("sequence_ids").toString())
        .contains("1000000", "1000009");
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedWebhookPayloadIsOneKindOfTheGeneratedUnion() {
    Map<String, String> kinds = Map.of("coupon", "CouponWebhookEvent",
        "couponEdit", "CouponEditWebhookEvent", "subaccount", "SubaccountWebhookEvent",
        "webLoyalty", "WebLoyaltyWebhookEvent", "walletLoyalty", "WalletLoyaltyWebhookEvent",
        "landingPage", "LandingPageWebhookEvent", "directoryPage", "DirectoryPageWebhookEvent");
    return Spec.load().webhookExamples().stream().map(example -> dynamicTest(
        example.getKey(), () -> {
          WebhookEvent event = client.webhooks().parse(example.getValue().toString());
          String kind = example.getKey().substring(0, example.getKey().indexOf('/'));
          assertThat(event.kind().payloadType().getSimpleName()).isEqualTo(kinds.get(kind));
          assertThat(event.payload().getClass().getSimpleName()).isEqualTo(kinds.get(kind));
        }));
  }
}
