package io.github.coupontools.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coupontools.mock.CouponToolsMockExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CouponToolsMockExtension.class)
class SendSingleUseCouponTest {

  @Test
  void createsASingleUseUrlAndEmailsIt(URI mock) throws Exception {
    ExampleRun run = ExampleRun.of(SendSingleUseCoupon.class, mock, "cam_123456", "john@doe.com");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.stdout).as(run.toString()).contains(
        "Single-use URL https://digicpn.com/p/abc123/c43403t2fv7qz27in745p (session c43403t2fv7qz27in745p)",
        "Emailed to info@receiver.com: email_sent");
  }

  @Test
  void stopsWithTheDocumentedErrorWhenTheCouponDoesNotExist(URI mock) throws Exception {
    ExampleRun run = ExampleRun.withPrefer("code=422, example=campaignNotFound",
        SendSingleUseCoupon.class, mock, "cam_999", "john@doe.com");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr).contains("createSingleUseUrl failed (HTTP 422): 502 Campaign ID not found");
  }
}
