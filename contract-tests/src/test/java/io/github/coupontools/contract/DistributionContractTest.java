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
import io.github.coupontools.sdk.exception.AuthenticationException;
import io.github.coupontools.sdk.model.SendCouponByEmailRequest;
import io.github.coupontools.sdk.model.SendCouponByEmailResponse;
import io.github.coupontools.sdk.model.SendCouponBySmsRequest;
import io.github.coupontools.sdk.model.SendCouponBySmsResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer contract of the "Distribution" section: sending a coupon by email or text message,
 * which needs an email or SMS marketing integration on the account.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, hostInterface = "127.0.0.1", pactVersion = PactSpecVersion.V4)
class DistributionContractTest extends ConsumerContract {

  private static SendCouponByEmailRequest couponForJohn() {
    return new SendCouponByEmailRequest().campaign("cam_123456").email("john@doe.com");
  }

  private static SendCouponBySmsRequest couponToPhone() {
    return new SendCouponBySmsRequest().campaign("cam_123456").phone("+123456789");
  }

  // sendCouponByEmail

  @Pact(consumer = CONSUMER)
  V4Pact emailSent(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "sendCouponByEmail")
        .given(ProviderStates.COUPON_EXISTS)
        .given(ProviderStates.EMAIL_INTEGRATION)
        .uponReceiving("a request to email coupon cam_123456 to john@doe.com")
        .request("newSession")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "emailSent")
  void sendCouponByEmailReturnsTheNewSessionThatWasSent(MockServer server) {
    SendCouponByEmailResponse response = client(server).distribution()
        .sendCouponByEmail(couponForJohn());

    assertThat(response.getAction()).isEqualTo("email_sent");
    assertThat(response.getReceiver()).isEqualTo("info@receiver.com");
    assertThat(response.getSingleUseUrl()).endsWith("/" + response.getSingleUseCode());
  }

  @Pact(consumer = CONSUMER)
  V4Pact emailWithoutIntegration(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "sendCouponByEmail")
        .given(ProviderStates.COUPON_EXISTS)
        .given(ProviderStates.NO_EMAIL_INTEGRATION)
        .uponReceiving("a request to email a coupon from an account without email integration")
        .request("newSession")
        .respondWith(422, "emailIntegrationMissing");
  }

  @Test
  @PactTestFor(pactMethod = "emailWithoutIntegration")
  void sendCouponByEmailWithoutEmailIntegrationFailsWithCode104(MockServer server) {
    assertFailsWith(AuthenticationException.class, 422, 104,
        "No Email integration has been setup in your Coupontools account. Go to 'integrations'"
            + " and 'Email marketing' to setup an Email provider",
        () -> client(server).distribution().sendCouponByEmail(couponForJohn()));
  }

  // sendCouponBySms

  @Pact(consumer = CONSUMER)
  V4Pact smsSent(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "sendCouponBySms")
        .given(ProviderStates.COUPON_EXISTS)
        .given(ProviderStates.SMS_INTEGRATION)
        .uponReceiving("a request to text coupon cam_123456 to +123456789")
        .request("newSession")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "smsSent")
  void sendCouponBySmsReturnsTheMessageWithTheSessionUrl(MockServer server) {
    SendCouponBySmsResponse response = client(server).distribution()
        .sendCouponBySms(couponToPhone());

    assertThat(response.getAction()).isEqualTo("sms_sent");
    assertThat(response.getPhone()).matches("\\d+");
    assertThat(response.getMessage()).endsWith(response.getSingleUseUrl());
    assertThat(response.getSingleUseUrl()).endsWith("/" + response.getSingleUseCode());
  }

  @Pact(consumer = CONSUMER)
  V4Pact smsWithoutIntegration(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "sendCouponBySms")
        .given(ProviderStates.COUPON_EXISTS)
        .given(ProviderStates.NO_SMS_INTEGRATION)
        .uponReceiving("a request to text a coupon from an account without SMS integration")
        .request("newSession")
        .respondWith(422, "smsIntegrationMissing");
  }

  @Test
  @PactTestFor(pactMethod = "smsWithoutIntegration")
  void sendCouponBySmsWithoutSmsIntegrationFailsWithCode103(MockServer server) {
    assertFailsWith(AuthenticationException.class, 422, 103,
        "No SMS integration has been setup in your Coupontools account. Go to 'integrations'"
            + " and 'SMS marketing' to setup an SMS provider",
        () -> client(server).distribution().sendCouponBySms(couponToPhone()));
  }
}
