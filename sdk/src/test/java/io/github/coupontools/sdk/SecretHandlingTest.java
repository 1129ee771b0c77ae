package io.github.coupontools.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.coupontools.sdk.exception.ApiConnectionException;
import io.github.coupontools.sdk.exception.AuthenticationException;
import io.github.coupontools.sdk.exception.CouponToolsException;
import io.github.coupontools.sdk.exception.InvalidParameterException;
import io.github.coupontools.sdk.exception.RateLimitException;
import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import io.github.coupontools.sdk.model.SendCouponByEmailRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.github.coupontools.sdk.model.CreateLoyaltyUserRequest;
import io.github.coupontools.sdk.model.CreateSubaccountRequest;
import io.github.coupontools.sdk.model.CreateSubaccountSsoTokenRequest;
import io.github.coupontools.sdk.model.CreateSubaccountSsoTokenResponse;
import io.github.coupontools.sdk.model.DirectoryUserSsoToken;
import io.github.coupontools.sdk.model.GetSubaccountRequest;
import io.github.coupontools.sdk.model.GetSubaccountResponse;
import org.slf4j.LoggerFactory;

/**
 * The client secret never shows up where people look: in no log line of any logger at TRACE
 * (SLF4J and java.util.logging), in no exception text (message, toString, stack trace, causes,
 * raw body, descriptions), and in no toString of the client, its builder or its options, even
 * when a server echoes the secret back. The same holds for the credentials the API returns (a
 * subaccount's {@code api_key} and {@code api_secret}) and the passwords of requests: the
 * contract marks them {@code format: password}, and the models print {@code *} for them.
 */
class SecretHandlingTest {

  private static final String SECRET = "s3cr3t-VALUE-do-not-leak";
  private static final String CLIENT_ID = "visible-client-id";

  /**
   * Loggers of the in-process test server (WireMock and its Jetty), which receives the secret in
   * the request headers as the real API does; they are not the client's.
   */
  private static final List<String> SERVER_SIDE_LOGGERS =
      List.of("org.eclipse.jetty", "com.github.tomakehurst.wiremock", "org.wiremock", "WireMock");

  @RegisterExtension
  static final WireMockExtension wireMock = LocalWireMock.server();
  private static CouponToolsClient client;

  private static final Capture logs = new Capture();

  /**
   * Keeps every client-side event, formatted at once. Unsynchronized and blind to the server's
   * events: formatting the arguments of Jetty's events takes Jetty's locks, which deadlocks with
   * a synchronized appender.
   */
  private static final class Capture extends UnsynchronizedAppenderBase<ILoggingEvent> {
    final List<ILoggingEvent> list = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      if (!serverSide(event.getLoggerName())) {
        event.prepareForDeferredProcessing();
        list.add(event);
      }
    }
  }
  private static final List<LogRecord> julRecords = new CopyOnWriteArrayList<>();
  private static final Handler julHandler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      julRecords.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private static final Map<Logger, Level> savedLevels = new HashMap<>();
  private static java.util.logging.Level savedJulLevel;

  @BeforeAll
  static void start() {
    captureEveryLoggerAtTrace();
    client = CouponToolsClient.builder().clientId(CLIENT_ID).clientSecret(SECRET)
        .baseUrl("http://127.0.0.1:" + wireMock.getPort()).logRequests(true).maxRetries(1)
        .readTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      restoreLoggers();
    }
  }

  @BeforeEach
  void reset() {
    wireMock.resetAll();
    logs.list.clear();
    julRecords.clear();
  }

  // ---------------------------------------------------------------- calls

  @Test
  void succeedingCallSendsTheSecretOnlyInItsHeaderAndLogsItNowhere() {
    wireMock.stubFor(post(urlEqualTo("/v3/coupon/list"))
        .willReturn(okJson("{\"status\":{\"status\":\"OK\"},\"coupon_info\":[]}")));

    client.coupons().listCoupons(new ListCouponsRequest().onlyActive(true));

    wireMock.verify(1, postRequestedFor(urlEqualTo("/v3/coupon/list"))
        .withHeader("X-Client-Secret", equalTo(SECRET)));
    assertThat(wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString())
        .doesNotContain(SECRET);
    assertCapturedTheSdkLine("listCoupons", "HTTP 200");
    assertNoLogLeaksTheSecret();
  }

  @Test
  void authenticationFailureLeaksTheSecretNowhere() {
    wireMock.stubFor(post(urlEqualTo("/v3/coupon/list")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"status\":{\"status\":\"failed\",\"errors\":{\"error_code\":1000,"
            + "\"error_message\":\"HTTP/1.0 401 Unauthorized\","
            + "\"error_message_description\":\"Authentication failed\"}}}")));

    AuthenticationException error = catchThrowableOfType(AuthenticationException.class,
        () -> client.coupons().listCoupons(new ListCouponsRequest()));

    assertThat(error).isNotNull();
    assertThat(error.errorCodes()).containsExactly(1000);
    assertNoSecretIn(error);
    assertCapturedTheSdkLine("listCoupons", "HTTP 401");
    assertNoLogLeaksTheSecret();
  }

  @Test
  void refusedConnectionLeaksTheSecretNowhere() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    try (CouponToolsClient refused = CouponToolsClient.builder().clientId(CLIENT_ID)
        .clientSecret(SECRET).baseUrl("http://127.0.0.1:" + closedPort).logRequests(true)
        .maxRetries(1).build()) {

      ApiConnectionException error = catchThrowableOfType(ApiConnectionException.class,
          () -> refused.coupons().listCoupons(new ListCouponsRequest()));

      assertThat(error).isNotNull();
      assertThat(error.requestSent()).isFalse();
      assertNoSecretIn(error);
      assertNoSecretIn("refused client", refused.toString());
    }
    assertCapturedTheSdkLine("listCoupons", "failed");
    assertNoLogLeaksTheSecret();
  }

  @Test
  void connectionResetAfterSendingLeaksTheSecretNowhere() {
    wireMock.stubFor(post(urlEqualTo("/v3/send/email"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    ApiConnectionException error = catchThrowableOfType(ApiConnectionException.class,
        () -> client.distribution().sendCouponByEmail(
            new SendCouponByEmailRequest().campaign("cam_1").email("jane@example.com")));

    assertThat(error).isNotNull();
    assertThat(error.requestSent()).isTrue();
    assertNoSecretIn(error);
    assertCapturedTheSdkLine("sendCouponByEmail", "failed");
    assertNoLogLeaksTheSecret();
  }

  // ---------------------------------------------------------------- echoing servers

  @Test
  void errorEnvelopeEchoingTheSecretIsRedactedInTheException() {
    String body = "{\"status\":{\"status\":\"failed\",\"errors\":{\"error_code\":[305],"
        + "\"error_message\":\"HTTP/1.0 422 Unprocessable entity. secret=" + SECRET + "\","
        + "\"error_message_description\":[\"'" + SECRET + "' is not a valid email address.\"]}}}";
    wireMock.stubFor(post(urlEqualTo("/v3/send/email")).willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/json").withBody(body)));

    InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
        () -> client.distribution().sendCouponByEmail(
            new SendCouponByEmailRequest().campaign("cam_1").email("jane@example.com")));

    assertThat(error).isNotNull();
    assertThat(error.errorCodes()).containsExactly(305);
    assertThat(error.errorDescriptions()).singleElement().asString()
        .contains("[REDACTED]", "is not a valid email address");
    assertThat(error.getMessage()).contains("305", "[REDACTED]");
    assertNoSecretIn(error);
    assertNoLogLeaksTheSecret();
  }

  @Test
  void errorEnvelopeWithoutDescriptionsEchoingTheSecretInItsSummaryIsRedacted() {
    String body = "{\"status\":{\"status\":\"failed\"},\"errors\":{"
        + "\"error_message\":\"bad credentials " + SECRET + "\"}}";
    wireMock.stubFor(post(urlEqualTo("/v3/coupon/list")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody(body)));

    AuthenticationException error = catchThrowableOfType(AuthenticationException.class,
        () -> client.coupons().listCoupons(new ListCouponsRequest()));

    assertThat(error).isNotNull();
    assertThat(error.getMessage()).contains("bad credentials [REDACTED]");
    assertNoSecretIn(error);
  }

  @Test
  void htmlErrorPageEchoingTheSecretIsRedactedInTheException() {
    wireMock.stubFor(post(urlEqualTo("/v3/coupon/list")).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "text/html")
        .withBody("<html><body>Internal error, header X-Client-Secret: " + SECRET
            + "</body></html>")));

    UnexpectedResponseException error = catchThrowableOfType(UnexpectedResponseException.class,
        () -> client.coupons().listCoupons(new ListCouponsRequest()));

    assertThat(error).isNotNull();
    assertThat(error.httpStatus()).isEqualTo(500);
    assertThat(error.getMessage()).contains("X-Client-Secret: [REDACTED]");
    assertNoSecretIn(error);
    assertNoLogLeaksTheSecret();
  }

  @Test
  void rateLimitBodyEchoingTheSecretIsRedacted() {
    wireMock.stubFor(post(urlEqualTo("/v3/send/email")).willReturn(aResponse().withStatus(429)
        .withBody("too many calls for " + SECRET)));

    RateLimitException error = catchThrowableOfType(RateLimitException.class,
        () -> client.distribution().sendCouponByEmail(
            new SendCouponByEmailRequest().campaign("cam_1").email("jane@example.com")));

    assertThat(error).isNotNull();
    assertThat(error.rawBody()).isEqualTo("too many calls for [REDACTED]");
    assertNoSecretIn(error);
  }

  @Test
  void responseNotFittingTheContractEchoingTheSecretIsRedacted() {
    wireMock.stubFor(post(urlEqualTo("/v3/smstool/grouplist")).willReturn(okJson(
        "{\"status\":{\"status\":\"OK\"},\"group\":\"" + SECRET + "\"}")));

    UnexpectedResponseException error = catchThrowableOfType(UnexpectedResponseException.class,
        () -> client.smsGroups().listSmsGroups());

    assertThat(error).isNotNull();
    assertThat(error.getMessage()).contains("does not fit the contract");
    assertNoSecretIn(error);
    assertNoLogLeaksTheSecret();
  }

  // ---------------------------------------------------------------- HTTP client transport logs

  @Test
  void httpClientTransportDebugLogsKeepTheSecretOut() {
    wireMock.stubFor(post(urlEqualTo("/v3/coupon/list"))
        .willReturn(okJson("{\"status\":{\"status\":\"OK\"}}")));

    client.coupons().listCoupons(new ListCouponsRequest());

    assertThat(leaks()).as("log lines containing the secret").isEmpty();
  }

  // ---------------------------------------------------------------- toString

  @Test
  void clientBuilderAndOptionsDoNotShowTheSecret() {
    CouponToolsClient.Builder builder = CouponToolsClient.builder().clientId(CLIENT_ID)
        .clientSecret(SECRET).baseUrl("http://127.0.0.1:" + wireMock.getPort());
    RequestOptions options = client.options().withHeader("X-Debug-Token", SECRET);

    assertThat(client.toString()).contains(CLIENT_ID, "[REDACTED]");
    assertNoSecretIn("client", client.toString());
    assertNoSecretIn("client view", client.withOptions(options).toString());
    assertNoSecretIn("builder", builder.toString());
    assertThat(options.toString()).contains("X-Debug-Token");
    assertNoSecretIn("options", options.toString());
    assertNoSecretIn("default options", RequestOptions.DEFAULTS.toString());
  }

  // ---------------------------------------------------------------- credentials in models

  @Test
  void subaccountCredentialsOfAnAnswerAreReadButNeitherPrintedNorLogged() {
    String subaccountKey = "4491415354-subaccount-key";
    wireMock.stubFor(post(urlEqualTo("/v4/subaccount")).willReturn(okJson(
        "{\"status\":{\"status\":\"OK\"},\"subaccount\":{\"ID\":\"sub_1536\","
            + "\"api_key\":\"" + subaccountKey + "\",\"api_secret\":\"" + SECRET + "\"}}")));

    GetSubaccountResponse answer = client.account()
        .getSubaccount(new GetSubaccountRequest().subaccount("sub_1536"));

    assertThat(answer.getSubaccount().getApiKey()).isEqualTo(subaccountKey);
    assertThat(answer.getSubaccount().getApiSecret()).isEqualTo(SECRET);
    assertThat(answer.toString()).contains("sub_1536").doesNotContain(subaccountKey);
    assertNoSecretIn("subaccount answer", answer.toString());
    assertCapturedTheSdkLine("getSubaccount", "HTTP 200");
    assertNoLogLeaksTheSecret();
  }

  @Test
  void passwordsOfRequestsAreNotPrinted() {
    assertNoSecretIn("createSubaccount request",
        new CreateSubaccountRequest().email("jane@example.com").password(SECRET).toString());
    assertNoSecretIn("createLoyaltyUser request",
        new CreateLoyaltyUserRequest().email("jane@example.com").password(SECRET).toString());
    assertThat(new CreateLoyaltyUserRequest().password(SECRET).getPassword()).isEqualTo(SECRET);
  }

  @Test
  void singleSignOnTokensAndTheirLoginUrlsAreNotPrinted() {
    String token = "Nu5oAs7QDdCPLN7mkFUAQzPp66JJ8wwDCUd312GeFvZrDlLhf";
    String loginUrl = "https://app.example.com/sso?token=" + token;
    wireMock.stubFor(post(urlEqualTo("/v3/subaccount/sso")).willReturn(okJson(
        "{\"status\":{\"status\":\"OK\"},\"subaccount\":{\"ID\":\"sub_12345\","
            + "\"token\":\"" + token + "\",\"url\":\"" + loginUrl + "\","
            + "\"url_whitelabel\":\"" + loginUrl + "\"}}")));
    wireMock.stubFor(post(urlEqualTo("/v4/directory/dir_1/users/usr_1/sso")).willReturn(okJson(
        "{\"token\":\"" + token + "\",\"url\":\"" + loginUrl + "\"}")));

    CreateSubaccountSsoTokenResponse subaccount = client.account()
        .createSubaccountSsoToken(new CreateSubaccountSsoTokenRequest().subaccount("sub_12345"));
    DirectoryUserSsoToken user = client.directories().createDirectoryUserSsoToken("dir_1", "usr_1");

    assertThat(subaccount.getSubaccount().getToken()).isEqualTo(token);
    assertThat(subaccount.getSubaccount().getUrlWhitelabel()).isEqualTo(loginUrl);
    assertThat(user.getUrl()).isEqualTo(loginUrl);
    assertThat(subaccount.toString()).contains("sub_12345").doesNotContain(token);
    assertThat(user.toString()).doesNotContain(token);
    assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
        .isNotEmpty().noneMatch(line -> line.contains(token));
  }

  @Test
  void singleSignOnTokenOfAnAnswerWithoutTheStatusEnvelopeIsKeptOutOfTheException() {
    String token = "Nu5oAs7QDdCPLN7mkFUAQzPp66JJ8wwDCUd312GeFvZrDlLhf";
    wireMock.stubFor(post(urlEqualTo("/v3/subaccount/sso")).willReturn(okJson(
        "{\"status\":\"OK\",\"subaccount\":{\"ID\":\"sub_12345\",\"token\":\"" + token
            + "\",\"url\" : \"https://app.example.com/sso?token=" + token + "\"}}")));

    UnexpectedResponseException error = catchThrowableOfType(UnexpectedResponseException.class,
        () -> client.account().createSubaccountSsoToken(
            new CreateSubaccountSsoTokenRequest().subaccount("sub_12345")));

    assertThat(error).isNotNull();
    assertThat(error.getMessage()).contains("without the Coupontools status envelope", "sub_12345")
        .doesNotContain(token);
    assertThat(error.rawBody()).contains("\"token\":\"[REDACTED]\"",
        "\"url\" : \"[REDACTED]\"", "sub_12345").doesNotContain(token);
  }

  @Test
  void singleSignOnTokenOfAnAnswerNotFittingTheContractIsKeptOutOfTheException() {
    String token = "Nu5oAs7QDdCPLN7mkFUAQzPp66JJ8wwDCUd312GeFvZrDlLhf";
    wireMock.stubFor(post(urlEqualTo("/v4/directory/dir_1/users/usr_1/sso")).willReturn(okJson(
        "[{\"token\":\"" + token + "\",\"url\":\"https://app.example.com/\\\"sso\\\"?t="
            + token + "\"}]")));

    UnexpectedResponseException error = catchThrowableOfType(UnexpectedResponseException.class,
        () -> client.directories().createDirectoryUserSsoToken("dir_1", "usr_1"));

    assertThat(error).isNotNull();
    assertThat(error.getMessage()).contains("does not fit the contract").doesNotContain(token);
    assertThat(error.rawBody())
        .isEqualTo("[{\"token\":\"[REDACTED]\",\"url\":\"[REDACTED]\"}]");
  }

  // ---------------------------------------------------------------- helpers

  private static void assertNoSecretIn(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    assertNoSecretIn("stack trace", trace.toString());
    for (Throwable t = error; t != null; t = t.getCause()) {
      assertNoSecretIn("message of " + t.getClass().getName(), t.getMessage());
      assertNoSecretIn("toString of " + t.getClass().getName(), t.toString());
      assertNoSecretIn("localized message", t.getLocalizedMessage());
      if (t instanceof CouponToolsException) {
        CouponToolsException api = (CouponToolsException) t;
        assertNoSecretIn("raw body", api.rawBody());
        assertNoSecretIn("descriptions", String.valueOf(api.errorDescriptions()));
      }
    }
  }

  private static void assertNoSecretIn(String where, String text) {
    if (text != null) {
      assertThat(text).as("%s must not contain the secret", where).doesNotContain(SECRET);
    }
  }

  private static void assertCapturedTheSdkLine(String operationId, String outcome) {
    assertThat(logs.list).as("the capture works: the SDK's own request line is in it")
        .anySatisfy(event -> {
          assertThat(event.getLoggerName()).isEqualTo(CouponToolsClient.class.getName());
          assertThat(event.getFormattedMessage()).contains(operationId, outcome);
        });
  }

  /** No client-side logger, Apache HttpClient's header and wire logs included, shows the secret. */
  private static void assertNoLogLeaksTheSecret() {
    assertThat(leaks()).as("log lines containing the secret").isEmpty();
  }

  private static List<String> leaks() {
    List<String> leaks = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(logs.list)) {
      if (serverSide(event.getLoggerName())) {
        continue;
      }
      List<String> texts = new ArrayList<>();
      texts.add(event.getMessage());
      texts.add(event.getFormattedMessage());
      if (event.getArgumentArray() != null) {
        for (Object argument : event.getArgumentArray()) {
          texts.add(String.valueOf(argument));
        }
      }
      if (event.getThrowableProxy() != null) {
        texts.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
      texts.add(String.valueOf(event.getMDCPropertyMap()));
      texts.add(String.valueOf(event.getKeyValuePairs()));
      check(event.getLoggerName(), texts, leaks);
    }
    SimpleFormatter formatter = new SimpleFormatter();
    for (LogRecord record : List.copyOf(julRecords)) {
      if (serverSide(record.getLoggerName())) {
        continue;
      }
      List<String> texts = new ArrayList<>();
      texts.add(record.getMessage());
      texts.add(formatter.format(record));
      if (record.getParameters() != null) {
        for (Object parameter : record.getParameters()) {
          texts.add(String.valueOf(parameter));
        }
      }
      check("JUL " + record.getLoggerName(), texts, leaks);
    }
    return leaks;
  }

  private static void check(String logger, List<String> texts, List<String> leaks) {
    for (String text : texts) {
      if (text != null && text.contains(SECRET)) {
        leaks.add(logger + ": " + text);
        return;
      }
    }
  }

  private static boolean serverSide(String loggerName) {
    return loggerName != null && SERVER_SIDE_LOGGERS.stream().anyMatch(loggerName::startsWith);
  }

  /** Every SLF4J (logback) and java.util.logging logger at its most verbose level. */
  private static void captureEveryLoggerAtTrace() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    for (Logger logger : context.getLoggerList()) {
      savedLevels.put(logger, logger.getLevel());
      if (logger != context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)) {
        logger.setLevel(null);
      }
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.ALL);
    logs.start();
    root.addAppender(logs);
    // Keep the console quiet: everything goes to the list only.
    consoleAppenders(root, appender -> appender.addFilter(TRACE_FILTER));

    java.util.logging.Logger julRoot = LogManager.getLogManager().getLogger("");
    savedJulLevel = julRoot.getLevel();
    julRoot.setLevel(java.util.logging.Level.ALL);
    julHandler.setLevel(java.util.logging.Level.ALL);
    julRoot.addHandler(julHandler);
  }

  private static void restoreLoggers() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(logs);
    logs.stop();
    consoleAppenders(root, appender -> appender.clearAllFilters());
    savedLevels.forEach(Logger::setLevel);
    java.util.logging.Logger julRoot = LogManager.getLogManager().getLogger("");
    julRoot.removeHandler(julHandler);
    julRoot.setLevel(savedJulLevel);
  }

  private static final ch.qos.logback.core.filter.Filter<ILoggingEvent> TRACE_FILTER =
      new ch.qos.logback.core.filter.Filter<>() {
        @Override
        public ch.qos.logback.core.spi.FilterReply decide(ILoggingEvent event) {
          return event.getLevel().isGreaterOrEqual(Level.WARN)
              ? ch.qos.logback.core.spi.FilterReply.NEUTRAL
              : ch.qos.logback.core.spi.FilterReply.DENY;
        }
      };

  private static void consoleAppenders(Logger root,
      Consumer<ch.qos.logback.core.Appender<ILoggingEvent>> action) {
    List<ch.qos.logback.core.Appender<ILoggingEvent>> appenders = new ArrayList<>();
    root.iteratorForAppenders().forEachRemaining(appenders::add);
    appenders.stream().filter(Objects::nonNull).filter(appender -> appender != logs)
        .collect(Collectors.toList()).forEach(action);
  }
}
