package io.github.coupontools.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coupontools.mock.CouponToolsMockExtension;
import io.github.coupontools.mock.PrismMock;
import io.github.coupontools.mock.StatefulMock;
import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.model.DeleteCouponSessionRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ValidateAtTill} against the simulator: the refusals come from real calls, not Prefer. */
@ExtendWith(CouponToolsMockExtension.class)
@StatefulMock
class ValidateAtTillSimulatedTest {

  /** The session of the contract's request examples, which the simulator starts with. */
  private static final String SESSION = "ac6s7u3g8a25ja7x9qg87";

  @Test
  void showsAlreadyValidatedForTheSecondValidationOfACoupon(URI simulator) throws Exception {
    ExampleRun first = ExampleRun.of(ValidateAtTill.class, simulator, SESSION, "9.990");
    ExampleRun second = ExampleRun.of(ValidateAtTill.class, simulator, SESSION, "9.990");

    assertThat(first.stdout).as(first.toString()).contains("Accepted: validate_successful");
    assertThat(second.exitCode).as(second.toString()).isZero();
    assertThat(second.stdout).contains("Refused (358): This session was already validated");
  }

  @Test
  void reportsACouponThatWasDeleted(URI simulator) throws Exception {
    try (CouponToolsClient client = CouponToolsClient.builder().baseUrl(simulator.toString())
        .clientId(PrismMock.CLIENT_ID).clientSecret(PrismMock.CLIENT_SECRET).build()) {
      client.couponSessions().deleteCouponSession(
          new DeleteCouponSessionRequest().campaign("cam_123456").couponsession(SESSION));
    }

    ExampleRun run = ExampleRun.of(ValidateAtTill.class, simulator, SESSION);

    assertThat(run.stdout).as(run.toString()).contains("Unknown coupon: Coupon session not found");
  }
}
