package io.github.coupontools.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coupontools.mock.CouponToolsMockExtension;
import io.github.coupontools.mock.CouponToolsSimulator;
import io.github.coupontools.mock.StatefulMock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CouponToolsMockExtension.class)
@StatefulMock
class WebhookLoopTest {

  @Test
  void aClaimIsDeliveredParsedAndVerifiedAndAForgedIdIsRejected(CouponToolsSimulator simulator)
      throws Exception {
    ExampleRun run = ExampleRun.of(WebhookLoop.class, simulator.baseUrl(), "ac6s7u3g8a25ja7x9qg87");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.stdout).contains(
        "Verified coupon_claimed of session ac6s7u3g8a25ja7x9qg87 (coupon cam_123456)");
    assertThat(run.stdout).contains("Rejected evt_forgedByAnAttacker01: [the API does not know"
        + " webhook evt_forgedByAnAttacker01: Webhook not found]");
    Map<String, Object> emitted = simulator.emittedWebhooks().get(0);
    assertThat(simulator.emittedWebhooks()).hasSize(1);
    assertThat(emitted).containsEntry("type", "coupon_claimed")
        .containsEntry("session", "ac6s7u3g8a25ja7x9qg87");
  }
}
