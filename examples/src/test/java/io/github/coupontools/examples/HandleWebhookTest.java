package io.github.coupontools.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coupontools.mock.CouponToolsMockExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(CouponToolsMockExtension.class)
class HandleWebhookTest {

  /** A coupon webhook that matches what the mock's verification example says about it. */
  private static final String CLAIMED = "{\"id\":\"evt_01234567890123456789\","
      + "\"datetime\":\"2020-12-01 01:23:45\",\"livemode\":\"0\",\"type\":\"coupon_claimed\","
      + "\"coupon_code\":\"012345678901234567890\",\"session\":\"012345678901234567890\","
      + "\"campaign\":\"cam_12345\",\"coupon\":{\"coupon_code\":\"u3s3dg\",\"timezone\":\"UTC\"}}";

  @TempDir
  Path dir;

  @Test
  void actsOnAVerifiedCouponEvent(URI mock) throws Exception {
    ExampleRun run = ExampleRun.of(HandleWebhook.class, mock, write(CLAIMED));

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.stdout).contains(
        "Verified coupon_claimed of session 012345678901234567890 (coupon cam_12345)");
  }

  @Test
  void rejectsAnEventTheApiDoesNotKnow(URI mock) throws Exception {
    ExampleRun run = ExampleRun.withPrefer("code=422, example=webhookNotFound",
        HandleWebhook.class, mock, write(CLAIMED));

    assertThat(run.stdout).as(run.toString()).contains(
        "Rejected evt_01234567890123456789: [the API does not know webhook evt_01234567890123456789: Webhook not found]");
  }

  @Test
  void rejectsAnEventWhoseContentDiffersFromWhatTheApiSays(URI mock) throws Exception {
    ExampleRun run = ExampleRun.of(HandleWebhook.class, mock,
        write(CLAIMED.replace("cam_12345", "cam_99999")));

    assertThat(run.stdout).as(run.toString()).contains(
        "Rejected evt_01234567890123456789: [coupon is cam_99999 in the payload but cam_12345 according to the API]");
  }

  private String write(String body) throws Exception {
    Path file = dir.resolve("webhook.json");
    Files.writeString(file, body, StandardCharsets.UTF_8);
    return file.toString();
  }
}
