package io.github.coupontools.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coupontools.mock.CouponToolsMockExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CouponToolsMockExtension.class)
class ValidateAtTillTest {

  @Test
  void acceptsAValidCoupon(URI mock) throws Exception {
    ExampleRun run = ExampleRun.of(ValidateAtTill.class, mock, "ac6s7u3g8a25ja7x9qg87", "9.990");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.stdout).contains("Accepted: validate_successful");
  }

  @Test
  void refusesACouponThatWasAlreadyValidated(URI mock) throws Exception {
    ExampleRun run = ExampleRun.withPrefer("code=422, example=sessionAlreadyValidated",
        ValidateAtTill.class, mock, "ac6s7u3g8a25ja7x9qg87");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.stdout).contains("Refused (358): This session was already validated");
  }

  @Test
  void reportsAnUnknownSession(URI mock) throws Exception {
    ExampleRun run = ExampleRun.withPrefer("code=422, example=couponSessionNotFound",
        ValidateAtTill.class, mock, "zzzzzzzzzzzzzzzzzzzzz");

    assertThat(run.stdout).as(run.toString()).contains("Unknown coupon: Coupon session not found");
  }
}
