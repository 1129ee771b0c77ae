package io.github.coupontools.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coupontools.mock.CouponToolsMockExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CouponToolsMockExtension.class)
class EnrolLoyaltyUserTest {

  @Test
  void createsTheUserAndPrintsTheUndocumentedAnswersAsSent(URI mock) throws Exception {
    ExampleRun run = ExampleRun.of(EnrolLoyaltyUser.class, mock, "loy_1037746",
        "jane@example.com", "Jane");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.stdout).contains("Created: {\"status\":{\"status\":\"OK\"}}",
        "Found: {\"status\":{\"status\":\"OK\"}}");
  }
}
