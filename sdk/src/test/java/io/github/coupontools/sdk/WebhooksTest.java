package io.github.coupontools.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.coupontools.mock.CouponToolsMockExtension;
import io.github.coupontools.mock.PrismMock;
import io.github.coupontools.openapi.Spec;
import io.github.coupontools.sdk.model.CouponEditWebhookEvent;
import io.github.coupontools.sdk.model.CouponWebhookEvent;
import io.github.coupontools.sdk.model.LandingPageWebhookEvent;
import io.github.coupontools.sdk.model.WalletLoyaltyWebhookEvent;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CouponToolsMockExtension.class)
class WebhooksTest {

  /** A coupon event matching the mock's verification example (evt_0123..., cam_12345). */
  private static final String CLAIMED = "{\"id\":\"evt_01234567890123456789\","
      + "\"datetime\":\"2020-12-01 01:23:45\",\"type\":\"coupon_claimed\","
      + "\"session\":\"012345678901234567890\",\"campaign\":\"cam_12345\","
      + "\"coupon\":{\"coupon_code\":\"u3s3dg\"},\"unknown_field\":\"kept\"}";

  private static final Map<String, Webhooks.Kind> KIND_OF_EXAMPLE = Map.of(
      "coupon", Webhooks.Kind.COUPON, "couponEdit", Webhooks.Kind.COUPON_EDIT,
      "subaccount", Webhooks.Kind.SUBACCOUNT, "webLoyalty", Webhooks.Kind.WEB_LOYALTY,
      "walletLoyalty", Webhooks.Kind.WALLET_LOYALTY, "landingPage", Webhooks.Kind.LANDING_PAGE,
      "directoryPage", Webhooks.Kind.DIRECTORY_PAGE);

  private static CouponToolsClient client;

  @BeforeAll
  static void connect(PrismMock mock) {
    client = CouponToolsClient.builder().clientId(PrismMock.CLIENT_ID)
        .clientSecret(PrismMock.CLIENT_SECRET).baseUrl(mock.baseUrl()).build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedPayloadParsesIntoItsTypedEvent() {
    return Spec.load().webhookExamples().stream().map(example -> dynamicTest(example.getKey(),
        () -> {
          WebhookEvent event = client.webhooks().parse(example.getValue().toString());
          Webhooks.Kind expected = KIND_OF_EXAMPLE.get(example.getKey().split("/")[0]);

          assertThat(event.kind()).isEqualTo(expected);
          assertThat(event.payload()).isInstanceOf(expected.payloadType());
          assertThat(event.id()).isEqualTo(example.getValue().path("id").asText());
          assertThat(event.type()).isEqualTo(example.getValue().path("type").asText());
          WireView.assertReadCompletely(event.payload(), example.getValue());
        }));
  }

  @Test
  void typedPayloadsCarryTheDocumentedFields() {
    JsonNode coupon = example("coupon");
    CouponWebhookEvent claimed = client.webhooks().parse(coupon.toString())
        .as(CouponWebhookEvent.class).orElseThrow();
    assertThat(claimed.getCoupon().getFriendlyName()).isEqualTo(
        coupon.path("coupon").path("friendly_name").asText());
    assertThat(claimed.getCustomer().getEmail()).isEqualTo(coupon.path("customer").path("email").asText());

    CouponEditWebhookEvent created = client.webhooks().parse(example("couponEdit").toString())
        .as(CouponEditWebhookEvent.class).orElseThrow();
    assertThat(created.getCoupon()).startsWith("cam_");

    WalletLoyaltyWebhookEvent loyalty = client.webhooks()
        .parse(example("walletLoyalty").toString()).as(WalletLoyaltyWebhookEvent.class).orElseThrow();
    assertThat(loyalty.getUser().getDownloadUrl()).startsWith("https://");

    LandingPageWebhookEvent landing = client.webhooks().parse(example("landingPage").toString())
        .as(LandingPageWebhookEvent.class).orElseThrow();
    assertThat(landing.getData()).containsEntry("E-mail",
        example("landingPage").path("data").path("E-mail").asText());
  }

  @Test
  void unknownKindComesBackAsGenericEventWithTheRawJson() {
    WebhookEvent event = client.webhooks().parse(
        "{\"id\":\"evt_x\",\"type\":\"giftcard_redeemed\",\"amount\":5}");

    assertThat(event.kind()).isEqualTo(Webhooks.Kind.UNKNOWN);
    assertThat(event.raw().path("amount").asInt()).isEqualTo(5);
    assertThat(event.as(CouponWebhookEvent.class)).isEmpty();
  }

  @Test
  void rejectsABodyThatIsNotAJsonObject() {
    assertThatThrownBy(() -> client.webhooks().parse("[1,2]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> client.webhooks().parse("<html>"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
  }

  @Test
  void verifiesAnEventTheApiConfirms() {
    WebhookEvent event = client.webhooks().parse(CLAIMED);

    Webhooks.Verification verification = client.webhooks().verify(event);

    assertThat(verification.verified()).as(verification.toString()).isTrue();
    assertThat(verification.answer().orElseThrow().getDatetime())
        .isEqualTo(java.time.LocalDateTime.of(2020, 12, 1, 1, 23, 45));
    assertThat(event.raw().path("unknown_field").asText()).isEqualTo("kept");
  }

  @Test
  void doesNotVerifyAForgedEventTheApiDoesNotKnow() {
    CouponToolsClient notFound = client.withOptions(client.options()
        .withHeader("Prefer", "code=422, example=webhookNotFound"));

    Webhooks.Verification verification =
        notFound.webhooks().verify(notFound.webhooks().parse(CLAIMED));

    assertThat(verification.verified()).isFalse();
    assertThat(verification.problems()).singleElement().asString()
        .contains("does not know webhook evt_01234567890123456789", "Webhook not found");
  }

  @Test
  void doesNotVerifyAnEventWhoseContentDiffersFromTheApisRecord() {
    WebhookEvent tampered = client.webhooks().parse(CLAIMED
        .replace("coupon_claimed", "coupon_validated").replace("012345678901234567890", "aaaaaaaaaaaaaaaaaaaaa"));

    Webhooks.Verification verification = client.webhooks().verify(tampered);

    assertThat(verification.verified()).isFalse();
    assertThat(verification.problems()).containsExactlyInAnyOrder(
        "type is coupon_validated in the payload but coupon_claimed according to the API",
        "session is aaaaaaaaaaaaaaaaaaaaa in the payload but 012345678901234567890 according to the API");
  }

  private static JsonNode example(String kind) {
    return Spec.load().webhookExamples().stream()
        .filter(entry -> entry.getKey().startsWith(kind + "/")).findFirst().orElseThrow().getValue();
  }
}
