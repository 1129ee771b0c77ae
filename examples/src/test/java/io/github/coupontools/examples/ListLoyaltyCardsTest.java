package io.github.coupontools.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coupontools.mock.CouponToolsMockExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CouponToolsMockExtension.class)
class ListLoyaltyCardsTest {

  @Test
  void printsTheCardsOfTheSpecExampleAndAddsAUserToTheFirst(URI mock) throws Exception {
    ExampleRun run = ExampleRun.of(ListLoyaltyCards.class, mock);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.stdout).as(run.toString()).contains(
        "123456  membership  My membership card  https://loyalty.coupontools.com/ndoh57",
        "234567  stamp  My stamp card  https://save2wallet.link/sk878e",
        "User 7654321 downloads the card at https://save2wallet.link/u7k2pq");
  }
}
