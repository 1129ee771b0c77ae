package io.github.coupontools.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coupontools.sdk.exception.ApiConnectionException;
import io.github.coupontools.sdk.exception.ApiTimeoutException;
import io.github.coupontools.sdk.exception.AuthenticationException;
import io.github.coupontools.sdk.exception.CouponToolsException;
import io.github.coupontools.sdk.exception.InvalidParameterException;
import io.github.coupontools.sdk.exception.MissingParameterException;
import io.github.coupontools.sdk.exception.NotFoundException;
import io.github.coupontools.sdk.exception.RateLimitException;
import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import io.github.coupontools.sdk.model.CreateSingleUseUrlRequest;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import io.github.coupontools.sdk.model.ListCouponsResponse;
import io.github.coupontools.sdk.model.SendCouponByEmailRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Transport and response faults injected with WireMock, for a read-only operation (listCoupons)
 * and two that create or send (createSingleUseUrl, sendCouponByEmail): each fault becomes the
 * right exception, in bounded time, after the right number of attempts. Read-only calls are
 * tried 1 + maxRetries times on retryable failures; create/send calls are sent exactly once
 * unless the connection could not even be opened.
 */
class FaultInjectionTest {

  private static final String CLIENT_ID = "fault-client-id";
  private static final String CLIENT_SECRET = "fault-client-secret";
  private static final int MAX_RETRIES = 2;
  private static final String OK = "{\"status\":{\"status\":\"OK\"}}";
  private static final Duration BOUND = Duration.ofSeconds(6);

  @RegisterExtension
  static final WireMockExtension wireMock = LocalWireMock.server();
  private static CouponToolsClient client;

  /** The operations under test: one read-only, two that create or send. */
  enum Operation {
    LIST_COUPONS("listCoupons", "/v3/coupon/list", true,
        c -> c.coupons().listCoupons(new ListCouponsRequest().onlyActive(true))),
    CREATE_SINGLE_USE_URL("createSingleUseUrl", "/v3/singleuse/create", false,
        c -> c.singleUse().createSingleUseUrl(new CreateSingleUseUrlRequest().campaign("cam_123456"))),
    SEND_COUPON_BY_EMAIL("sendCouponByEmail", "/v3/send/email", false,
        c -> c.distribution().sendCouponByEmail(
            new SendCouponByEmailRequest().campaign("cam_123456").email("jane@example.com")));

    final String operationId;
    final String path;
    final boolean readOnly;
    final Function<CouponToolsClient, Object> call;

    Operation(String operationId, String path, boolean readOnly,
        Function<CouponToolsClient, Object> call) {
      this.operationId = operationId;
      this.path = path;
      this.readOnly = readOnly;
      this.call = call;
    }

    /** Attempts expected for a failure the policy retries for read-only operations. */
    int attemptsOnRetryableFailure() {
      return readOnly ? 1 + MAX_RETRIES : 1;
    }
  }

  /** What a call threw and how long it took. */
  private static final class Outcome {
    final Throwable error;
    final Duration elapsed;

    Outcome(Throwable error, Duration elapsed) {
      this.error = error;
      this.elapsed = elapsed;
    }
  }

  @BeforeAll
  static void start() {
    client = CouponToolsClient.builder().clientId(CLIENT_ID).clientSecret(CLIENT_SECRET)
        .baseUrl(baseUrl()).maxRetries(MAX_RETRIES).connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(3)).build();
    // Warm the connection pool up, so that the timing bounds measure the SDK only.
    wireMock.stubFor(post(urlEqualTo(Operation.LIST_COUPONS.path)).willReturn(okJson(OK)));
    client.coupons().listCoupons(new ListCouponsRequest());
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void operationsUnderTestHaveTheReadOnlyFlagOfTheirGeneratedDescriptor() throws Exception {
    Map<String, Boolean> generated = Services.descriptors(client).stream().collect(
        Collectors.toMap(io.github.coupontools.sdk.internal.Operation::operationId,
            io.github.coupontools.sdk.internal.Operation::readOnly));
    for (Operation operation : Operation.values()) {
      assertThat(generated.get(operation.operationId)).as(operation.operationId)
          .isEqualTo(operation.readOnly);
    }
  }

  // ---------------------------------------------------------------- transport faults

  @ParameterizedTest
  @EnumSource(Operation.class)
  void connectionResetByPeerIsRetriedForReadOnlyAndSentOnceForCreateOrSend(Operation operation) {
    stub(operation, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    Outcome outcome = call(operation, client);

    assertThat(outcome.error).isExactlyInstanceOf(ApiConnectionException.class);
    ApiConnectionException error = (ApiConnectionException) outcome.error;
    assertThat(error.requestSent()).isTrue();
    assertThat(error.httpStatus()).isZero();
    assertThat(error.getMessage()).contains(operation.operationId, "connection failed");
    assertAttempts(operation, operation.attemptsOnRetryableFailure());
    assertBackoffBounds(operation, outcome);
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void emptyReplyIsRetriedForReadOnlyAndSentOnceForCreateOrSend(Operation operation) {
    stub(operation, aResponse().withFault(Fault.EMPTY_RESPONSE));

    Outcome outcome = call(operation, client);

    assertThat(outcome.error).isExactlyInstanceOf(ApiConnectionException.class);
    assertThat(((ApiConnectionException) outcome.error).requestSent()).isTrue();
    assertThat(outcome.error.getMessage()).contains(operation.operationId);
    assertAttempts(operation, operation.attemptsOnRetryableFailure());
    assertBackoffBounds(operation, outcome);
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void connectionRefusedIsRetriedForEveryOperationBecauseNothingWasSent(Operation operation)
      throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    Logger sdkLogger = (Logger) LoggerFactory.getLogger(CouponToolsClient.class);
    Level level = sdkLogger.getLevel();
    boolean additive = sdkLogger.isAdditive();
    ListAppender<ILoggingEvent> attempts = new ListAppender<>();
    attempts.start();
    sdkLogger.addAppender(attempts);
    sdkLogger.setLevel(Level.DEBUG);
    sdkLogger.setAdditive(false);
    try (CouponToolsClient refused = CouponToolsClient.builder().clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET).baseUrl("http://127.0.0.1:" + closedPort)
        .maxRetries(MAX_RETRIES).connectTimeout(Duration.ofSeconds(2)).build()) {

      Outcome outcome = call(operation, refused);

      assertThat(outcome.error).isExactlyInstanceOf(ApiConnectionException.class);
      ApiConnectionException error = (ApiConnectionException) outcome.error;
      assertThat(error.requestSent()).isFalse();
      assertThat(error.getMessage()).contains(operation.operationId, "could not connect");
      // One log line per attempt: the SDK logs every exchange at DEBUG.
      List<String> lines = attempts.list.stream().map(ILoggingEvent::getFormattedMessage)
          .filter(line -> line.contains(operation.operationId)).collect(Collectors.toList());
      assertThat(lines).hasSize(1 + MAX_RETRIES).allMatch(line -> line.contains("failed"));
      assertThat(outcome.elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(400))
          .isLessThan(BOUND);
    } finally {
      sdkLogger.detachAppender(attempts);
      sdkLogger.setLevel(level);
      sdkLogger.setAdditive(additive);
    }
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void bodySlowerThanTheReadTimeoutTimesOut(Operation operation) {
    // Headers at once, then a chunk every 500 ms: each wait is longer than the 300 ms timeout.
    stub(operation, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"status\":{\"status\":\"OK\"},\"padding\":\"" + "x".repeat(64) + "\"}")
        .withChunkedDribbleDelay(5, 2500));
    CouponToolsClient impatient =
        client.withOptions(client.options().withReadTimeout(Duration.ofMillis(300)));

    Outcome outcome = call(operation, impatient);

    assertThat(outcome.error).isExactlyInstanceOf(ApiTimeoutException.class);
    ApiTimeoutException error = (ApiTimeoutException) outcome.error;
    assertThat(error.requestSent()).isTrue();
    assertThat(error.getMessage()).contains(operation.operationId, "read timed out after 300 ms");
    assertAttempts(operation, operation.attemptsOnRetryableFailure());
    assertThat(outcome.elapsed).isLessThan(BOUND);
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void responseDelayedPastTheReadTimeoutTimesOut(Operation operation) {
    stub(operation, okJson(OK).withFixedDelay(1500));
    CouponToolsClient impatient =
        client.withOptions(client.options().withReadTimeout(Duration.ofMillis(300)));

    Outcome outcome = call(operation, impatient);

    assertThat(outcome.error).isExactlyInstanceOf(ApiTimeoutException.class);
    assertThat(((ApiTimeoutException) outcome.error).requestSent()).isTrue();
    assertThat(outcome.error.getMessage()).contains("read timed out after 300 ms");
    assertAttempts(operation, operation.attemptsOnRetryableFailure());
    // Each attempt gives up after ~300 ms, long before the 1.5 s answer.
    Duration perAttemptCeiling = Duration.ofMillis(1200);
    assertThat(outcome.elapsed).isLessThan(operation.readOnly
        ? perAttemptCeiling.multipliedBy(1 + MAX_RETRIES).plusSeconds(1) : perAttemptCeiling);
  }

  // ---------------------------------------------------------------- bad responses

  @ParameterizedTest
  @EnumSource(Operation.class)
  void malformedJsonIsUnexpectedResponseAndNotRetried(Operation operation) {
    stub(operation, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"status\":"));

    Outcome outcome = call(operation, client);

    assertThat(outcome.error).isExactlyInstanceOf(UnexpectedResponseException.class);
    UnexpectedResponseException error = (UnexpectedResponseException) outcome.error;
    assertThat(error.httpStatus()).isEqualTo(200);
    assertThat(error.rawBody()).isEqualTo("{\"status\":");
    assertThat(error.getMessage()).contains(operation.operationId, "not a JSON object");
    assertAttempts(operation, 1);
    assertThat(outcome.elapsed).isLessThan(Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void htmlBadGatewayPageIsUnexpectedResponseWithItsStatus(Operation operation) {
    String page = "<html><head><title>502 Bad Gateway</title></head>"
        + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
    stub(operation, aResponse().withStatus(502).withHeader("Content-Type", "text/html")
        .withBody(page));

    Outcome outcome = call(operation, client);

    assertThat(outcome.error).isExactlyInstanceOf(UnexpectedResponseException.class);
    UnexpectedResponseException error = (UnexpectedResponseException) outcome.error;
    assertThat(error.httpStatus()).isEqualTo(502);
    assertThat(error.rawBody()).isEqualTo(page);
    assertThat(error.getMessage()).contains(operation.operationId, "HTTP 502", "502 Bad Gateway");
    assertAttempts(operation, operation.attemptsOnRetryableFailure());
    assertBackoffBounds(operation, outcome);
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void serviceUnavailableIsUnexpectedResponseWithItsStatus(Operation operation) {
    stub(operation, aResponse().withStatus(503));

    Outcome outcome = call(operation, client);

    assertThat(outcome.error).isExactlyInstanceOf(UnexpectedResponseException.class);
    UnexpectedResponseException error = (UnexpectedResponseException) outcome.error;
    assertThat(error.httpStatus()).isEqualTo(503);
    assertThat(error.retryAfter()).isEmpty();
    assertThat(error.getMessage()).contains(operation.operationId, "HTTP 503", "empty body");
    assertAttempts(operation, operation.attemptsOnRetryableFailure());
    assertBackoffBounds(operation, outcome);
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void tooManyRequestsIsRateLimitWithRetryAfterAndReadOnlyWaitsForIt(Operation operation) {
    stub(operation, aResponse().withStatus(429).withHeader("Retry-After", "1")
        .withHeader("Content-Type", "text/plain").withBody("slow down"));
    // One retry keeps the test short: 1 + 1 attempts, one second apart.
    CouponToolsClient oneRetry = client.withOptions(client.options().withMaxRetries(1));

    Outcome outcome = call(operation, oneRetry);

    assertThat(outcome.error).isExactlyInstanceOf(RateLimitException.class);
    RateLimitException error = (RateLimitException) outcome.error;
    assertThat(error.httpStatus()).isEqualTo(429);
    assertThat(error.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(error.rawBody()).isEqualTo("slow down");
    assertThat(error.getMessage()).contains(operation.operationId, "429");
    if (operation.readOnly) {
      assertAttempts(operation, 2);
      assertThat(gapsBetweenAttempts(operation)).allMatch(gap -> gap >= 990,
          "every gap at least the 1 s of Retry-After");
      assertThat(outcome.elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(BOUND);
    } else {
      assertAttempts(operation, 1);
      assertThat(outcome.elapsed).as("no wait for a call that is not retried")
          .isLessThan(Duration.ofMillis(900));
    }
  }

  // ---------------------------------------------------------------- recovery

  static Stream<Arguments> transientFailures() {
    return Stream.of(
        Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
        Arguments.of("empty reply", aResponse().withFault(Fault.EMPTY_RESPONSE)),
        Arguments.of("HTML 502", aResponse().withStatus(502).withBody("<html>bad gateway</html>")),
        Arguments.of("503", aResponse().withStatus(503)),
        Arguments.of("504", aResponse().withStatus(504).withBody("gateway timeout")));
  }

  @ParameterizedTest(name = "{0} twice, then OK")
  @MethodSource("transientFailures")
  void readOnlyCallSucceedsWhenTheServerRecoversWithinTheRetries(String name,
      ResponseDefinitionBuilder failure) {
    failTwiceThenAnswer(Operation.LIST_COUPONS, failure,
        "{\"status\":{\"status\":\"OK\"},\"amount_of_campaigns\":\"1\","
            + "\"coupon_info\":[{\"ID\":\"cam_123456\",\"status\":\"active\"}]}");

    long started = System.nanoTime();
    ListCouponsResponse response = client.coupons().listCoupons(new ListCouponsRequest());

    assertThat(response.getAmountOfCampaigns()).isEqualTo(1L);
    assertThat(response.getCouponInfo()).singleElement()
        .satisfies(coupon -> assertThat(coupon.getId()).isEqualTo("cam_123456"));
    assertAttempts(Operation.LIST_COUPONS, 3);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
  }

  @ParameterizedTest(name = "{0}: 429 then OK after Retry-After")
  @ValueSource(ints = {429, 503})
  void readOnlyCallWaitsForRetryAfterThenSucceeds(int status) {
    wireMock.stubFor(post(urlEqualTo(Operation.LIST_COUPONS.path)).inScenario("retry-after")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
        .willReturn(aResponse().withStatus(status).withHeader("Retry-After", "1")));
    wireMock.stubFor(post(urlEqualTo(Operation.LIST_COUPONS.path)).inScenario("retry-after")
        .whenScenarioStateIs("recovered").willReturn(okJson(OK)));

    long started = System.nanoTime();
    ListCouponsResponse response = client.coupons().listCoupons(new ListCouponsRequest());
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(response.getStatus().getStatus()).isEqualTo("OK");
    assertAttempts(Operation.LIST_COUPONS, 2);
    assertThat(gapsBetweenAttempts(Operation.LIST_COUPONS)).singleElement()
        .satisfies(gap -> assertThat(gap).isGreaterThanOrEqualTo(990L));
    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(BOUND);
  }

  @ParameterizedTest
  @EnumSource(value = Operation.class, names = {"CREATE_SINGLE_USE_URL", "SEND_COUPON_BY_EMAIL"})
  void createOrSendIsNeverRepeatedEvenWhenTheServerWouldRecover(Operation operation) {
    failTwiceThenAnswer(operation, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), OK);

    Outcome outcome = call(operation, client);

    assertThat(outcome.error).isExactlyInstanceOf(ApiConnectionException.class);
    assertThat(((ApiConnectionException) outcome.error).requestSent()).isTrue();
    assertAttempts(operation, 1);
  }

  // ---------------------------------------------------------------- envelopes

  static Stream<Arguments> errorEnvelopes() {
    return Stream.of(
        Arguments.of("200, errors inside status, arrays", 200,
            "{\"status\":{\"status\":\"failed\",\"errors\":{\"error_code\":[502],"
                + "\"error_message\":\"HTTP/1.0 422 Unprocessable entity.\","
                + "\"error_message_description\":[\"Campaign ID not found\"]}}}",
            NotFoundException.class, List.of(502), List.of("Campaign ID not found")),
        Arguments.of("200, errors inside status, scalar code", 200,
            "{\"status\":{\"status\":\"failed\",\"errors\":{\"error_code\":1000,"
                + "\"error_message\":\"HTTP/1.0 401 Unauthorized\","
                + "\"error_message_description\":\"Authentication failed\"}}}",
            AuthenticationException.class, List.of(1000), List.of("Authentication failed")),
        Arguments.of("200, errors beside status", 200,
            "{\"status\":{\"status\":\"failed\"},\"errors\":{\"error_code\":[305],"
                + "\"error_message\":\"HTTP/1.0 422 Unprocessable entity.\","
                + "\"error_message_description\":[\"'X' is not a valid email address.\"]}}",
            InvalidParameterException.class, List.of(305),
            List.of("'X' is not a valid email address.")),
        Arguments.of("200, code sent as a string", 200,
            "{\"status\":{\"status\":\"failed\",\"errors\":{\"error_code\":\"513\","
                + "\"error_message_description\":\"Coupon session not found\"}}}",
            NotFoundException.class, List.of(513), List.of("Coupon session not found")),
        Arguments.of("422, two codes", 422,
            "{\"status\":{\"status\":\"failed\",\"errors\":{\"error_code\":[200,301],"
                + "\"error_message\":\"HTTP/1.0 422 Unprocessable entity.\","
                + "\"error_message_description\":[\"No parameter campaign\",\"page must be numeric\"]}}}",
            MissingParameterException.class, List.of(200, 301),
            List.of("No parameter campaign", "page must be numeric")),
        Arguments.of("401, scalar code", 401,
            "{\"status\":{\"status\":\"failed\",\"errors\":{\"error_code\":1000,"
                + "\"error_message\":\"HTTP/1.0 401 Unauthorized\","
                + "\"error_message_description\":\"Authentication failed\"}}}",
            AuthenticationException.class, List.of(1000), List.of("Authentication failed")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorEnvelopes")
  void errorEnvelopeBecomesTheTypedExceptionAndIsNotRetried(String name, int status, String body,
      Class<? extends CouponToolsException> type, List<Integer> codes, List<String> descriptions) {
    stub(Operation.LIST_COUPONS, aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body));

    Outcome outcome = call(Operation.LIST_COUPONS, client);

    assertThat(outcome.error).isExactlyInstanceOf(type);
    CouponToolsException error = (CouponToolsException) outcome.error;
    assertThat(error.httpStatus()).isEqualTo(status);
    assertThat(error.errorCodes()).isEqualTo(codes);
    assertThat(error.errorDescriptions()).isEqualTo(descriptions);
    assertThat(error.rawBody()).isEqualTo(body);
    assertThat(error.getMessage()).contains("listCoupons", String.valueOf(codes.get(0)),
        descriptions.get(0));
    assertAttempts(Operation.LIST_COUPONS, 1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"amount_of_campaigns\":\"0\",\"coupon_info\":[]}",
      "{\"status\":\"OK\"}",
      "{\"status\":{\"result\":\"fine\"}}",
      "[{\"status\":{\"status\":\"OK\"}}]"})
  void okStatusWithoutTheStatusEnvelopeIsUnexpectedResponse(String body) {
    stub(Operation.LIST_COUPONS, okJson(body));

    Outcome outcome = call(Operation.LIST_COUPONS, client);

    assertThat(outcome.error).isExactlyInstanceOf(UnexpectedResponseException.class);
    UnexpectedResponseException error = (UnexpectedResponseException) outcome.error;
    assertThat(error.httpStatus()).isEqualTo(200);
    assertThat(error.rawBody()).isEqualTo(body);
    assertThat(error.getMessage()).contains("listCoupons", "HTTP 200");
    assertAttempts(Operation.LIST_COUPONS, 1);
  }

  // ---------------------------------------------------------------- what is sent

  @Test
  void sendsUserAgentWithSdkVersionAndCredentialHeaders() {
    stub(Operation.LIST_COUPONS, okJson(OK));

    client.coupons().listCoupons(new ListCouponsRequest().onlyActive(true));

    assertThat(CouponToolsClient.VERSION).matches("\\d+\\.\\d+\\.\\d+([-.][A-Za-z0-9.]+)?");
    wireMock.verify(1, postRequestedFor(urlEqualTo("/v3/coupon/list"))
        .withHeader("User-Agent",
            matching("coupontools-java/" + Pattern.quote(CouponToolsClient.VERSION) + " .*"))
        .withHeader("X-Client-Id", equalTo(CLIENT_ID))
        .withHeader("X-Client-Secret", equalTo(CLIENT_SECRET))
        .withHeader("Content-Type", matching("application/json.*"))
        .withHeader("Accept", matching(".*application/json.*"))
        .withRequestBody(equalToJson("{\"only_active\":true}")));
  }

  // ---------------------------------------------------------------- helpers

  private static String baseUrl() {
    return "http://127.0.0.1:" + wireMock.getPort();
  }

  private static void stub(Operation operation, ResponseDefinitionBuilder response) {
    wireMock.stubFor(post(urlEqualTo(operation.path)).willReturn(response));
  }

  private static void failTwiceThenAnswer(Operation operation, ResponseDefinitionBuilder failure,
      String body) {
    wireMock.stubFor(post(urlEqualTo(operation.path)).inScenario("flaky")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("failed once")
        .willReturn(failure));
    wireMock.stubFor(post(urlEqualTo(operation.path)).inScenario("flaky")
        .whenScenarioStateIs("failed once").willSetStateTo("recovered")
        .willReturn(failure));
    wireMock.stubFor(post(urlEqualTo(operation.path)).inScenario("flaky")
        .whenScenarioStateIs("recovered").willReturn(okJson(body)));
  }

  private static Outcome call(Operation operation, CouponToolsClient with) {
    long started = System.nanoTime();
    Throwable error = catchThrowable(() -> operation.call.apply(with));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    assertThat(error).as("%s should have failed", operation.operationId).isNotNull();
    return new Outcome(error, elapsed);
  }

  private static void assertAttempts(Operation operation, int attempts) {
    wireMock.verify(attempts, postRequestedFor(urlEqualTo(operation.path)));
  }

  /** Retried calls wait the backoff (200 ms, then 400 ms, each +-25 %); single calls do not. */
  private static void assertBackoffBounds(Operation operation, Outcome outcome) {
    if (operation.readOnly) {
      assertThat(outcome.elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(BOUND);
    } else {
      assertThat(outcome.elapsed).isLessThan(Duration.ofSeconds(2));
    }
  }

  /** Milliseconds between consecutive requests to the operation, as WireMock received them. */
  private static List<Long> gapsBetweenAttempts(Operation operation) {
    List<Long> received = wireMock.getAllServeEvents().stream()
        .filter(event -> event.getRequest().getUrl().equals(operation.path))
        .map(ServeEvent::getRequest).map(request -> request.getLoggedDate().getTime())
        .sorted(Comparator.naturalOrder()).collect(Collectors.toList());
    return java.util.stream.IntStream.range(1, received.size())
        .mapToObj(i -> received.get(i) - received.get(i - 1)).collect(Collectors.toList());
  }
}
