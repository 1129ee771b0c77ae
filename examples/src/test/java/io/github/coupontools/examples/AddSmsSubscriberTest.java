package io.github.coupontools.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coupontools.mock.CouponToolsMockExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CouponToolsMockExtension.class)
class AddSmsSubscriberTest {

  @Test
  void addsTheContactToTheFirstGroup(URI mock) throws Exception {
    ExampleRun run = ExampleRun.of(AddSmsSubscriber.class, mock, "+447911123456", "Jane");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.stdout).contains(
        "2 SMS group(s); adding to gro_123456 (Subscribers keyword pizza)",
        "Contact con_12345678 saved_successfully");
  }

  @Test
  void refusesAPhoneNumberThatIsNotE164BeforeSendingIt(URI mock) throws Exception {
    ExampleRun run = ExampleRun.of(AddSmsSubscriber.class, mock, "07911 123456", "Jane");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.stdout).contains("Not sent: [phone: must match");
  }
}
