package io.github.coupontools.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coupontools.mock.CouponToolsMockExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CouponToolsMockExtension.class)
class ListCouponsTest {

  @Test
  void printsTheCouponsOfTheSpecExampleAndReadsTheFirst(URI mock) throws Exception {
    ExampleRun run = ExampleRun.of(ListCoupons.class, mock);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.stdout).as(run.toString()).contains(
        "1 coupon(s)",
        "cam_123456  active  API EXAMPLE CAMPAIGN  https://digicpn.com/p/tn91r7",
        "Coupon cam_123456: 10% OFF - On all pizzas, expires 2018-08-12T11:19:00Z (coupon time zone UTC)");
  }
}
