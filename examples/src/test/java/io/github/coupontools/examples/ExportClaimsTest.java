package io.github.coupontools.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coupontools.mock.CouponToolsMockExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CouponToolsMockExtension.class)
class ExportClaimsTest {

  @Test
  void printsTheClaimedSessionsAsCsv(URI mock) throws Exception {
    ExampleRun run = ExampleRun.of(ExportClaims.class, mock, "cam_12345", "2019-03-01");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.stdout.lines()).containsExactly(
        "session,sequenceid,claimed_at_utc,validated",
        "kkfiznr8gp8630h82es8d,19878460,2019-03-25T10:44:05Z,false",
        "1 claimed session(s)");
  }
}
