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
import io.github.coupontools.sdk.model.SendPushNotificationToAllRequest;
import io.github.coupontools.sdk.model.SendPushNotificationToAllResponse;
import io.github.coupontools.sdk.model.SendPushNotificationToAllRequest;
import io.github.coupontools.sdk.model.SendPushNotificationToAllResponse;
import io.github.coupontools.sdk.model.SendSinglePushNotificationRequest;
import io.github.coupontools.sdk.model.StatusOnlyResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Consumer contract of the "Notification" section: push notifications to wallet users. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, hostInterface = "127.0.0.1", pactVersion = PactSpecVersion.V4)
class NotificationsContractTest extends ConsumerContract {

  private static SendPushNotificationToAllRequest exampleToAll() {
    return new SendPushNotificationToAllRequest().campaign("cam_123456").message("Example");
  }

  @Pact(consumer = CONSUMER)
  V4Pact notificationSent(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "sendPushNotificationToAll")
        .given(ProviderStates.WALLET_USERS)
        .uponReceiving("a request to notify the wallet users of coupon cam_123456")
        .request("toAll")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "notificationSent")
  void sendPushNotificationSucceedsWhenUsersSavedTheCoupon(MockServer server) {
    SendPushNotificationToAllResponse response = client(server).notifications()
        .sendPushNotificationToAll(exampleToAll());

    assertThat(response.getStatus().getStatus()).isEqualTo("OK");
  }

  @Pact(consumer = CONSUMER)
  V4Pact notificationWithoutWalletUsers(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "sendPushNotificationToAll")
        .given(ProviderStates.NO_WALLET_USERS)
        .uponReceiving("a request to notify the wallet users of a coupon nobody saved")
        .request("toAll")
        .respondWith(422, "noWalletUsers");
  }

  @Test
  @PactTestFor(pactMethod = "notificationWithoutWalletUsers")
  void sendPushNotificationWithoutWalletUsersFailsWithNotFound507(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 507, "0 users have saved the campaign",
        () -> client(server).notifications().sendPushNotificationToAll(exampleToAll()));
  }

  private static SendSinglePushNotificationRequest toSession(String session) {
    return new SendSinglePushNotificationRequest().campaign("cam_12345").couponsession(session)
        .message("Example");
  }

  @Pact(consumer = CONSUMER)
  V4Pact singleNotificationSent(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "sendSinglePushNotification")
        .given(ProviderStates.SESSION_IN_WALLET)
        .uponReceiving("a request to notify the wallet user of session ac6s7u3g8a25ja7x9qg87")
        .request("toOneSession")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "singleNotificationSent")
  void sendSinglePushNotificationSucceedsForASavedSession(MockServer server) {
    StatusOnlyResponse response = client(server).notifications()
        .sendSinglePushNotification(toSession("ac6s7u3g8a25ja7x9qg87"));

    assertThat(response.getStatus().getStatus()).isEqualTo("OK");
  }

  @Pact(consumer = CONSUMER)
  V4Pact singleNotificationToUnknownSession(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "sendSinglePushNotification")
        .given(ProviderStates.SESSION_MISSING)
        .uponReceiving("a request to notify the wallet user of an unknown session")
        .request("toOneSession", Map.of("couponsession", "nosuchsession00000000"))
        .respondWith(422, "couponSessionNotFound");
  }

  @Test
  @PactTestFor(pactMethod = "singleNotificationToUnknownSession")
  void sendSinglePushNotificationToAnUnknownSessionFailsWithNotFound505(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 505, "Couponsession not found.",
        () -> client(server).notifications()
            .sendSinglePushNotification(toSession("nosuchsession00000000")));
  }
}
