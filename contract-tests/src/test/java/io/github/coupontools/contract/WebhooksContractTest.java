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
import io.github.coupontools.sdk.exception.NotFoundException;
import io.github.coupontools.sdk.model.VerifyWebhookRequest;
import io.github.coupontools.sdk.model.VerifyWebhookResponse;
import io.github.coupontools.sdk.model.VerifyWebhookV3Request;
import io.github.coupontools.sdk.model.VerifyWebhookV3Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Consumer contract of the "Webhooks" section: verifying a received webhook event by its id. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, hostInterface = "127.0.0.1", pactVersion = PactSpecVersion.V4)
class WebhooksContractTest extends ConsumerContract {

  @Pact(consumer = CONSUMER)
  V4Pact sentWebhook(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "verifyWebhook")
        .given(ProviderStates.WEBHOOK_SENT)
        .uponReceiving("a request to verify webhook event evt_01234567890123456789")
        .request("byId")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "sentWebhook")
  void verifyWebhookReturnsTheKeyFactsOfTheEvent(MockServer server) {
    VerifyWebhookResponse response = client(server).webhooks().service()
        .verifyWebhook(new VerifyWebhookRequest().webhook("evt_01234567890123456789"));

    assertThat(response.getWebhook()).isEqualTo("evt_01234567890123456789");
    assertThat(response.getType()).isEqualTo("coupon_claimed");
    assertThat(response.getDatetime())
        .isEqualTo(java.time.LocalDateTime.of(2020, 12, 1, 1, 23, 45));
    assertThat(response.getCoupon()).matches("cam_\\d+");
    assertThat(response.getStatcode()).isNotBlank();
  }

  @Pact(consumer = CONSUMER)
  V4Pact unknownWebhook(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "verifyWebhook")
        .given(ProviderStates.WEBHOOK_UNKNOWN)
        .uponReceiving("a request to verify a webhook event that was never sent")
        .request("byId", Map.of("webhook", "evt_00000000000000000000"))
        .respondWith(422, "webhookNotFound");
  }

  @Test
  @PactTestFor(pactMethod = "unknownWebhook")
  void verifyWebhookOfAnUnknownEventFailsWithNotFound509(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 509, "Webhook not found",
        () -> client(server).webhooks().service()
            .verifyWebhook(new VerifyWebhookRequest().webhook("evt_00000000000000000000")));
  }

  @Pact(consumer = CONSUMER)
  V4Pact sentWebhookV3(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "verifyWebhookV3")
        .given(ProviderStates.WEBHOOK_V3_SENT)
        .uponReceiving("a v3 request to verify webhook event evt_JsOKTu2rlzjZsxPaleUx")
        .request("byId")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "sentWebhookV3")
  void verifyWebhookV3ReturnsTheResultAndTheSessionOfTheEvent(MockServer server) {
    VerifyWebhookV3Response response = client(server).webhooks().service()
        .verifyWebhookV3(new VerifyWebhookV3Request().webhook("evt_JsOKTu2rlzjZsxPaleUx"));

    assertThat(response.getResult()).isEqualTo("valid");
    assertThat(response.getWebhook()).isEqualTo("evt_JsOKTu2rlzjZsxPaleUx");
    assertThat(response.getDate()).isEqualTo(java.time.LocalDateTime.of(2017, 10, 9, 9, 57, 57));
    assertThat(response.getType()).isEqualTo("coupon_validated");
    assertThat(response.getSession()).isNotBlank();
  }

  @Pact(consumer = CONSUMER)
  V4Pact unknownWebhookV3(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "verifyWebhookV3")
        .given(ProviderStates.WEBHOOK_UNKNOWN)
        .uponReceiving("a v3 request to verify a webhook event that was never sent")
        .request("byId", Map.of("webhook", "evt_00000000000000000000"))
        .respondWith(422, "webhookNotFound");
  }

  @Test
  @PactTestFor(pactMethod = "unknownWebhookV3")
  void verifyWebhookV3OfAnUnknownEventFailsWithNotFound509(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 509, "Webhook not found.",
        () -> client(server).webhooks().service()
            .verifyWebhookV3(new VerifyWebhookV3Request().webhook("evt_00000000000000000000")));
  }
}
