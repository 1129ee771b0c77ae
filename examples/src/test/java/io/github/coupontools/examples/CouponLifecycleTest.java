package io.github.coupontools.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coupontools.mock.CouponToolsMockExtension;
import io.github.coupontools.mock.CouponToolsSimulator;
import io.github.coupontools.mock.StatefulMock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CouponToolsMockExtension.class)
@StatefulMock
class CouponLifecycleTest {

  @Test
  void theSecondTillIsRefusedWithoutAnyPreferHeader(CouponToolsSimulator simulator) throws Exception {
    ExampleRun run = ExampleRun.of(CouponLifecycle.class, simulator.baseUrl(), "cam_123456",
        "jane@example.com");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.stdout).containsPattern("Till 1: validated [a-z0-9]{21}")
        .contains("Till 2: refused (358): This session was already validated");
    List<Map<String, Object>> outbox = simulator.outbox();
    assertThat(outbox).hasSize(1);
    assertThat(outbox.get(0)).containsEntry("channel", "email").containsEntry("to", "jane@example.com");
  }
}
