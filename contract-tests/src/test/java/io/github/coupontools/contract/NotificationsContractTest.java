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
import io.github.coupontools.sdk.model.SendPushNotificationRequest;
import io.github.coupontools.sdk.model.SendPushNotificationResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Consumer contract of the "Notification" section: push notifications to wallet users. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, hostInterface = "127.0.0.1", pactVersion = PactSpecVersion.V4)
class NotificationsContractTest extends ConsumerContract {

  private static SendPushNotificationRequest exampleToAll() {
    return new SendPushNotificationRequest().campaign("cam_123456").message("Example");
  }

  @Pact(consumer = CONSUMER)
  V4Pact notificationSent(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "sendPushNotification")
        .given(ProviderStates.WALLET_USERS)
        .uponReceiving("a request to notify the wallet users of coupon cam_123456")
        .request("toAll")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "notificationSent")
  void sendPushNotificationSucceedsWhenUsersSavedTheCoupon(MockServer server) {
    SendPushNotificationResponse response = client(server).notifications()
        .sendPushNotification(exampleToAll());

    assertThat(response.getStatus().getStatus()).isEqualTo("OK");
  }

  @Pact(consumer = CONSUMER)
  V4Pact notificationWithoutWalletUsers(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "sendPushNotification")
        .given(ProviderStates.NO_WALLET_USERS)
        .uponReceiving("a request to notify the wallet users of a coupon nobody saved")
        .request("toAll")
        .respondWith(422, "noWalletUsers");
  }

  @Test
  @PactTestFor(pactMethod = "notificationWithoutWalletUsers")
  void sendPushNotificationWithoutWalletUsersFailsWithNotFound507(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 507, "0 users have saved the campaign",
        () -> client(server).notifications().sendPushNotification(exampleToAll()));
  }
}
