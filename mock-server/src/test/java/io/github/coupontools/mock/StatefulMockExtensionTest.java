package io.github.coupontools.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.coupontools.openapi.Spec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * With {@link StatefulMock}, {@link CouponToolsMockExtension} gives every test the same simulator
 * with its state reset, stops it when the run ends, and fails a test after which the simulator
 * served a response that does not validate. Nested JUnit runs (the test kit), as in
 * {@link CouponToolsMockExtensionTest}.
 */
class StatefulMockExtensionTest {

  static volatile boolean insideTestKitRun;
  static final List<Long> PIDS = Collections.synchronizedList(new ArrayList<>());
  static final List<Object> SESSIONS = Collections.synchronizedList(new ArrayList<>());
  static final List<SimulatorFlow.Answer> ANSWERS = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void clearRecords() {
    PIDS.clear();
    SESSIONS.clear();
    ANSWERS.clear();
  }

  @AfterEach
  void leaveTestKitMode() {
    insideTestKitRun = false;
  }

  @Test
  void everyTestGetsTheSameSimulatorResetAndItStopsWithTheRun() {
    EngineExecutionResults results = run(StatefulUser.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(PIDS).hasSize(2);
    assertThat(PIDS.stream().distinct()).as("one simulator for the run").hasSize(1);
    // Each test created one session beside the contract's example one: the reset in between
    // dropped the first test's session.
    assertThat(SESSIONS).containsExactly(2L, 2L);
    assertThat(ProcessHandle.of(PIDS.get(0)).map(ProcessHandle::isAlive).orElse(false))
        .as("simulator still alive after the run").isFalse();
  }

  /**
   * Against a contract whose {@code coupon/list} response requires a field the simulator never
   * sends, Prism's response validation turns the simulator's answer into an HTTP 500, the
   * simulator counts it, and the extension fails the test.
   */
  @Test
  void aTestAfterWhichAResponseDidNotValidateFails(@TempDir Path dir) throws Exception {
    String contract = Files.readString(Spec.file(), StandardCharsets.UTF_8);
    String required = "      description: Result of `coupon/list`.\n      required: [status]\n";
    assertThat(contract).contains(required);
    Path stricter = dir.resolve("stricter.yaml");
    Files.writeString(stricter, contract.replace(required,
        required.replace("[status]", "[status, never_sent]")), StandardCharsets.UTF_8);
    String previous = System.getProperty(PrismMock.SPEC_PROPERTY);
    System.setProperty(PrismMock.SPEC_PROPERTY, stricter.toString());
    EngineExecutionResults results;
    try {
      results = run(InvalidResponseUser.class);
    } finally {
      if (previous == null) {
        System.clearProperty(PrismMock.SPEC_PROPERTY);
      } else {
        System.setProperty(PrismMock.SPEC_PROPERTY, previous);
      }
    }

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    Optional<Throwable> failure = results.testEvents().failed().stream().findFirst()
        .flatMap(event -> event.getPayload(TestExecutionResult.class))
        .flatMap(TestExecutionResult::getThrowable);
    assertThat(failure).hasValueSatisfying(t -> assertThat(t).hasMessageContaining(
        "served 1 response(s) that do not validate against the contract"));
    assertThat(ANSWERS).hasSize(1);
    assertThat(ANSWERS.get(0).status()).isEqualTo(500);
    assertThat(ANSWERS.get(0).body().path("validation").toString()).contains("never_sent");
  }

  private static EngineExecutionResults run(Class<?> type) {
    insideTestKitRun = true;
    try {
      return EngineTestKit.engine("junit-jupiter").selectors(selectClass(type)).execute();
    } finally {
      insideTestKitRun = false;
    }
  }

  @ExtendWith(CouponToolsMockExtension.class)
  @StatefulMock
  static class StatefulUser {

    @BeforeEach
    void onlyInsideTheTestKitRun() {
      Assumptions.assumeTrue(insideTestKitRun, "runs only inside StatefulMockExtensionTest");
    }

    @Test
    void createsASession(CouponToolsSimulator simulator, URI baseUrl) {
      assertThat(baseUrl).isEqualTo(simulator.baseUrl());
      new SimulatorFlow(baseUrl).newSession();
      PIDS.add(simulator.pid());
      SESSIONS.add(simulator.state().get("sessions"));
    }

    @Test
    void createsAnotherSession(CouponToolsSimulator simulator) {
      new SimulatorFlow(simulator.baseUrl()).newSession();
      PIDS.add(simulator.pid());
      SESSIONS.add(simulator.state().get("sessions"));
    }
  }

  @ExtendWith(CouponToolsMockExtension.class)
  @StatefulMock
  static class InvalidResponseUser {

    @BeforeEach
    void onlyInsideTheTestKitRun() {
      Assumptions.assumeTrue(insideTestKitRun, "runs only inside StatefulMockExtensionTest");
    }

    @Test
    void listsCoupons(URI baseUrl) {
      ANSWERS.add(new SimulatorFlow(baseUrl).post("/v3/coupon/list", "{}"));
    }
  }
}
