package io.github.coupontools.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coupontools.mock.CouponToolsMockExtension;
import io.github.coupontools.mock.PrismMock;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CouponToolsMockExtension.class)
class ConfigureClientTest {

  @Test
  void appliesTheSettingsLogsTheCallAndNeverPrintsTheSecret(URI mock) throws Exception {
    ExampleRun run = ExampleRun.of(ConfigureClient.class, mock);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.stdout).contains(
        "clientId=" + PrismMock.CLIENT_ID + ", clientSecret=[REDACTED]",
        "RequestOptions[connectTimeout=PT5S, readTimeout=PT2M, maxRetries=0",
        "readTimeout=PT10S, maxRetries=3, callTimeout=PT30S, maxResponseBytes=8388608",
        "1 coupon(s)");
    assertThat(run.stderr).contains("coupontools listCoupons POST /v3/coupon/list -> HTTP 200");
    assertThat(run.stdout + run.stderr).doesNotContain(PrismMock.CLIENT_SECRET);
  }
}
