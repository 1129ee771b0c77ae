package io.github.coupontools.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.coupontools.openapi.Spec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@link CouponToolsMockExtension} runs one Prism for a whole test run, shared by every test
 * class that uses it, and stops it when the run ends even if a test failed.
 *
 * <p>The run under test is a nested JUnit run (the JUnit Platform test kit) of the two classes
 * {@link FirstUserOfTheMock} and {@link SecondUserOfTheMock}. Their names do not match surefire's
 * patterns, and they only do anything while {@link #insideTestKitRun} is set, so the deliberate
 * failure of one of them never fails this build.
 */
class CouponToolsMockExtensionTest {

  /** Set only while the nested test kit run is in progress. */
  static volatile boolean insideTestKitRun;
  static final List<Long> PIDS = Collections.synchronizedList(new ArrayList<>());
  static final List<Integer> PORTS = Collections.synchronizedList(new ArrayList<>());
  static final List<String> BODIES = Collections.synchronizedList(new ArrayList<>());
  static final String DELIBERATE_FAILURE = "deliberate failure inside the test kit run";

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void clearRecords() {
    PIDS.clear();
    PORTS.clear();
    BODIES.clear();
  }

  @AfterEach
  void leaveTestKitMode() {
    insideTestKitRun = false;
  }

  @Test
  void oneMockServesEveryClassOfTheRunAndStopsWhenTheRunEndsEvenAfterAFailure() {
    EngineExecutionResults results;
    insideTestKitRun = true;
    try {
      results = EngineTestKit.engine("junit-jupiter")
          .selectors(selectClass(FirstUserOfTheMock.class), selectClass(SecondUserOfTheMock.class))
          .execute();
    } finally {
      insideTestKitRun = false;
    }

    // The nested run: three tests, one of which failed on purpose.
    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
    Optional<Throwable> failure = results.testEvents().failed().stream().findFirst()
        .flatMap(event -> event.getPayload(TestExecutionResult.class))
        .flatMap(TestExecutionResult::getThrowable);
    assertThat(failure).as("the failure of the nested run").hasValueSatisfying(
        t -> assertThat(t).hasMessage(DELIBERATE_FAILURE));
    assertThat(results.containerEvents().failed().count())
        .as("failed containers (a failing extension, e.g. Prism not starting): %s",
            results.containerEvents().failed().stream().map(Event::toString).toList())
        .isZero();

    // One Prism for the whole run, shared by both classes.
    assertThat(PIDS).as("pids of the mock seen by the three tests").hasSize(3);
    assertThat(PIDS.stream().distinct()).as("distinct pids").hasSize(1);
    assertThat(PORTS.stream().distinct()).as("distinct ports").hasSize(1);

    // Each test got the documented example.
    JsonNode documented = Spec.load().operation("listCoupons").response(200).orElseThrow()
        .examples().values().iterator().next();
    assertThat(BODIES).hasSize(3).allSatisfy(body -> assertThat(
        Spec.jsonEquals(Spec.json(body), documented))
        .as("body %s equals the documented example %s", body, documented).isTrue());

    // The run is over: its Prism is gone although a test failed.
    long pid = PIDS.get(0);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
        .as("Prism (pid %d) still alive after the run", pid).isFalse();
  }

  @Test
  void aConfiguredPrismThatDoesNotExistFailsWithWhatToRun() {
    String previous = System.getProperty(PrismInstallation.PRISM_PROPERTY);
    System.setProperty(PrismInstallation.PRISM_PROPERTY, "/nonexistent");
    try {
      assertThatThrownBy(PrismMock::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("/nonexistent")
          .hasMessageContaining(PrismInstallation.PRISM_PROPERTY)
          .hasMessageContaining("mock-server/install");
    } finally {
      if (previous == null) {
        System.clearProperty(PrismInstallation.PRISM_PROPERTY);
      } else {
        System.setProperty(PrismInstallation.PRISM_PROPERTY, previous);
      }
    }
  }

  /** Lists coupons on the mock with the documented success example, recording what it saw. */
  static void useTheMock(PrismMock mock, URI baseUrl) throws Exception {
    assertThat(baseUrl).isEqualTo(mock.baseUrl());
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
            URI.create(baseUrl + Spec.load().operation("listCoupons").path()))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("X-Client-Id", PrismMock.CLIENT_ID)
        .header("X-Client-Secret", PrismMock.CLIENT_SECRET)
        .header("Prefer", "code=200, example=success")
        .POST(HttpRequest.BodyPublishers.ofString(Spec.text(
            Spec.load().operation("listCoupons").firstRequestExample())))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("%s", answer.body()).isEqualTo(200);
    PIDS.add(mock.pid());
    PORTS.add(mock.port());
    BODIES.add(answer.body());
  }

  /** First class of the nested run: receives the mock and its URL as parameters. */
  @ExtendWith(CouponToolsMockExtension.class)
  static class FirstUserOfTheMock {

    @BeforeEach
    void onlyInsideTheTestKitRun() {
      Assumptions.assumeTrue(insideTestKitRun, "runs only inside CouponToolsMockExtensionTest");
    }

    @Test
    void listsCoupons(PrismMock mock, URI baseUrl) throws Exception {
      useTheMock(mock, baseUrl);
    }

    @Test
    void failsAfterUsingTheMock(PrismMock mock, URI baseUrl) throws Exception {
      useTheMock(mock, baseUrl);
      throw new AssertionError(DELIBERATE_FAILURE);
    }
  }

  /** Second class of the nested run: the mock arrives through its constructor. */
  @ExtendWith(CouponToolsMockExtension.class)
  static class SecondUserOfTheMock {

    private final PrismMock mock;

    SecondUserOfTheMock(PrismMock mock) {
      this.mock = mock;
    }

    @BeforeEach
    void onlyInsideTheTestKitRun() {
      Assumptions.assumeTrue(insideTestKitRun, "runs only inside CouponToolsMockExtensionTest");
    }

    @Test
    void listsCouponsToo(URI baseUrl) throws Exception {
      useTheMock(mock, baseUrl);
    }
  }
}
