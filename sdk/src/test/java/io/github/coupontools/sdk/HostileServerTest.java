package io.github.coupontools.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.coupontools.sdk.exception.ApiTimeoutException;
import io.github.coupontools.sdk.exception.CallInterruptedException;
import io.github.coupontools.sdk.exception.CallTimeoutException;
import io.github.coupontools.sdk.exception.CouponToolsException;
import io.github.coupontools.sdk.exception.NotFoundException;
import io.github.coupontools.sdk.exception.RateLimitException;
import io.github.coupontools.sdk.exception.RedirectNotFollowedException;
import io.github.coupontools.sdk.exception.ResponseTooLargeException;
import io.github.coupontools.sdk.model.CreateSingleUseUrlRequest;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import io.github.coupontools.sdk.model.SendCouponByEmailRequest;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.glassfish.jersey.message.GZipEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A misbehaving server against both transports: redirects, trickled and oversized bodies, 5xx
 * with an error envelope, Retry-After dates and long waits, interrupts during a retry wait, and a
 * webhook verification answer that confirms nothing. WireMock where it can express the fault, a
 * raw {@link ServerSocket} on 127.0.0.1 where it cannot. Each test is bounded in a separate
 * thread, so a client stuck on a socket fails the test instead of hanging the build.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileServerTest {

  private static final String SECRET = "hostile-secret-value";
  private static final String OK = "{\"status\":{\"status\":\"OK\"}}";
  private static final String SEND_EMAIL = "/v3/send/email";
  private static final String LIST = "/v3/coupon/list";
  private static final String SINGLE_USE = "/v3/singleuse/create";
  /** The documented error envelope (code 502, "Campaign ID not found"). */
  private static final String ENVELOPE = "{\"status\":{\"status\":\"failed\",\"errors\":"
      + "{\"error_code\":[502],\"error_message\":\"HTTP/1.0 422 Unprocessable entity.\","
      + "\"error_message_description\":[\"Campaign ID not found\"]}}}";

  @org.junit.jupiter.api.extension.RegisterExtension
  static final WireMockExtension api = LocalWireMock.server();
  @org.junit.jupiter.api.extension.RegisterExtension
  static final WireMockExtension elsewhere = LocalWireMock.server();

  /** The SDK's two transports. */
  enum Via { APACHE, JERSEY }

  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  private CouponToolsClient client(Via via, String baseUrl,
      UnaryOperator<CouponToolsClient.Builder> options) {
    CouponToolsClient.Builder builder = CouponToolsClient.builder().clientId("hostile-id")
        .clientSecret(SECRET).baseUrl(baseUrl).connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5));
    if (via == Via.JERSEY) {
      // Decodes gzip like Apache HttpClient does, so both face the same inflated body.
      Client jaxRs = ClientBuilder.newClient().register(GZipEncoder.class);
      opened.add(jaxRs::close);
      builder.transport(JerseyTransport.using(jaxRs));
    }
    CouponToolsClient client = options.apply(builder).build();
    opened.add(client);
    return client;
  }

  private static SendCouponByEmailRequest email() {
    return new SendCouponByEmailRequest().campaign("cam_123456").email("jane@example.com");
  }

  // ---------------------------------------------------------------- 1. redirects

  @ParameterizedTest
  @EnumSource(Via.class)
  void redirectsOfEveryKindAreTypedErrorsNamingTheLocationAndNothingGoesThere(Via via) {
    String location = elsewhere.baseUrl() + "/collect";
    elsewhere.stubFor(post(urlEqualTo("/collect")).willReturn(okJson(OK)));
    CouponToolsClient client = client(via, api.baseUrl(), b -> b.maxRetries(2));
    for (int status : new int[] {301, 302, 303, 307, 308}) {
      api.resetRequests();
      api.stubFor(post(urlEqualTo(SEND_EMAIL)).willReturn(aResponse().withStatus(status)
          .withHeader("Location", location)));

      Throwable thrown = catchThrowable(() -> client.distribution().sendCouponByEmail(email()));

      assertThat(thrown).as("HTTP %d", status).isInstanceOf(RedirectNotFollowedException.class);
      RedirectNotFollowedException redirect = (RedirectNotFollowedException) thrown;
      assertThat(redirect.httpStatus()).isEqualTo(status);
      assertThat(redirect.location()).contains(location);
      assertThat(redirect.getMessage()).contains("sendCouponByEmail", location, "not followed");
      api.verify(1, postRequestedFor(urlEqualTo(SEND_EMAIL)));
    }
    elsewhere.verify(0, anyRequestedFor(anyUrl()));
  }

  // ---------------------------------------------------------------- 2. webhooks fail closed

  private static final String CLAIMED = "{\"id\":\"evt_01234567890123456789\","
      + "\"datetime\":\"2020-12-01 01:23:45\",\"type\":\"coupon_claimed\","
      + "\"session\":\"012345678901234567890\",\"campaign\":\"cam_12345\","
      + "\"coupon\":{\"coupon_code\":\"u3s3dg\"}}";

  @ParameterizedTest
  @EnumSource(Via.class)
  void aVerificationAnswerThatConfirmsNothingDoesNotVerify(Via via) {
    CouponToolsClient client = client(via, api.baseUrl(), b -> b);
    WebhookEvent forged = client.webhooks().parse(CLAIMED);
    String full = "{\"status\":{\"status\":\"OK\"},\"webhook\":\"evt_01234567890123456789\","
        + "\"type\":\"coupon_claimed\",\"coupon\":\"cam_12345\","
        + "\"statcode\":\"012345678901234567890\"}";
    String[][] answers = {
        {OK, "id"},
        {"{\"status\":{\"status\":\"OK\"},\"webhook\":\"evt_01234567890123456789\"}", "type"},
        {full.replace(",\"statcode\":\"012345678901234567890\"", ""), "session"},
        {full.replace("cam_12345", ""), "coupon"},
        {full.replace("coupon_claimed", "coupon_validated"), "type"}};
    for (String[] answer : answers) {
      api.stubFor(post(urlEqualTo("/v4/webhook/verification")).willReturn(okJson(answer[0])));

      Webhooks.Verification verification = client.webhooks().verify(forged);

      assertThat(verification.verified()).as(answer[0]).isFalse();
      assertThat(String.join("; ", verification.problems())).as(answer[0]).contains(answer[1]);
    }
    api.stubFor(post(urlEqualTo("/v4/webhook/verification")).willReturn(okJson(full)));
    assertThat(client.webhooks().verify(forged).verified()).isTrue();
  }

  // ---------------------------------------------------------------- 3. deadlines

  @ParameterizedTest
  @EnumSource(Via.class)
  void aTrickledBodyIsCutOffByTheReadTimeout(Via via) throws Exception {
    try (RawServer server = new RawServer(out -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000"
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 1000; i++) {
        out.write(' ');
        out.flush();
        Thread.sleep(200);
      }
    })) {
      CouponToolsClient client = client(via, server.baseUrl(),
          b -> b.readTimeout(Duration.ofSeconds(1)).maxRetries(0));
      long started = System.nanoTime();

      Throwable thrown = catchThrowable(() -> client.distribution().sendCouponByEmail(email()));

      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(thrown).isInstanceOf(ApiTimeoutException.class);
      assertThat(thrown.getMessage()).contains("sendCouponByEmail").doesNotContain(SECRET);
      assertThat(took).isLessThan(Duration.ofMillis(2500));
      assertThat(server.requests()).hasValue(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void theCallTimeoutBoundsEveryAttemptAndWaitTogether(Via via) {
    api.stubFor(post(urlEqualTo(LIST)).willReturn(aResponse().withStatus(503)
        .withFixedDelay(600).withBody("<html>busy</html>")));
    CouponToolsClient client = client(via, api.baseUrl(),
        b -> b.maxRetries(10).callTimeout(Duration.ofMillis(2000)));
    long started = System.nanoTime();

    Throwable thrown = catchThrowable(() -> client.coupons().listCoupons(new ListCouponsRequest()));

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(thrown).isInstanceOf(CallTimeoutException.class);
    assertThat(thrown.getMessage()).contains("listCoupons", "2000 ms");
    assertThat(thrown.getCause()).isInstanceOf(CouponToolsException.class);
    assertThat(took).isBetween(Duration.ofMillis(1500), Duration.ofMillis(3000));
  }

  // ---------------------------------------------------------------- 4. oversized bodies

  @ParameterizedTest
  @EnumSource(Via.class)
  void aGzipBombStopsAtTheDefaultCapWithATypedError(Via via) throws Exception {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 40; i++) {
        gzip.write(spaces); // 40 MB once inflated, about 40 KB on the wire
      }
    }
    byte[] bomb = compressed.toByteArray();
    try (RawServer server = new RawServer(out -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip"
          + "\r\nContent-Length: " + bomb.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bomb);
      out.flush();
    })) {
      CouponToolsClient client = client(via, server.baseUrl(), b -> b.maxRetries(2));

      Throwable thrown = catchThrowable(() -> client.coupons().listCoupons(new ListCouponsRequest()));

      assertThat(thrown).isInstanceOf(ResponseTooLargeException.class);
      assertThat(((ResponseTooLargeException) thrown).limitBytes()).isEqualTo(32L * 1024 * 1024);
      assertThat(thrown.getMessage()).contains("listCoupons", "33554432");
      assertThat(server.requests()).as("not retried").hasValue(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void aBodyOverAConfiguredCapIsRefused(Via via) {
    api.stubFor(post(urlEqualTo(LIST)).willReturn(okJson(OK.replace("}}",
        "},\"padding\":\"" + "x".repeat(4096) + "\"}"))));
    CouponToolsClient client = client(via, api.baseUrl(), b -> b.maxResponseBytes(1024));

    Throwable thrown = catchThrowable(() -> client.coupons().listCoupons(new ListCouponsRequest()));

    assertThat(thrown).isInstanceOf(ResponseTooLargeException.class);
    assertThat(((ResponseTooLargeException) thrown).limitBytes()).isEqualTo(1024);
  }

  // ---------------------------------------------------------------- 5. status first

  @ParameterizedTest
  @EnumSource(Via.class)
  void gatewayErrorsWithTheJsonEnvelopeAreRetriedForReadOnlyOperations(Via via) {
    for (int status : new int[] {502, 503, 504}) {
      api.resetAll();
      api.stubFor(post(urlEqualTo(LIST)).inScenario("gateway").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
              .withBody(ENVELOPE)).willSetStateTo("recovered"));
      api.stubFor(post(urlEqualTo(LIST)).inScenario("gateway").whenScenarioStateIs("recovered")
          .willReturn(okJson(OK)));
      CouponToolsClient client = client(via, api.baseUrl(), b -> b.maxRetries(2));

      assertThat(client.coupons().listCoupons(new ListCouponsRequest()).getStatus().getStatus())
          .isEqualTo("OK");
      api.verify(2, postRequestedFor(urlEqualTo(LIST)));
    }
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void gatewayErrorsWithTheJsonEnvelopeAreNotResentForCreateOperations(Via via) {
    api.stubFor(post(urlEqualTo(SINGLE_USE)).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "application/json").withBody(ENVELOPE)));
    CouponToolsClient client = client(via, api.baseUrl(), b -> b.maxRetries(2));

    Throwable thrown = catchThrowable(() -> client.singleUse().createSingleUseUrl(
        new CreateSingleUseUrlRequest().campaign("cam_123456")));

    assertThat(thrown).isInstanceOf(NotFoundException.class);
    assertThat(((CouponToolsException) thrown).httpStatus()).isEqualTo(503);
    api.verify(1, postRequestedFor(urlEqualTo(SINGLE_USE)));
  }

  // ---------------------------------------------------------------- 6. Retry-After

  @ParameterizedTest
  @EnumSource(Via.class)
  void retryAfterAsAnHttpDateIsWaitedFor(Via via) {
    String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
    api.stubFor(post(urlEqualTo(LIST)).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", inThreeSeconds))
        .willSetStateTo("free"));
    api.stubFor(post(urlEqualTo(LIST)).inScenario("limited").whenScenarioStateIs("free")
        .willReturn(okJson(OK)));
    CouponToolsClient client = client(via, api.baseUrl(), b -> b.maxRetries(1));
    long started = System.nanoTime();

    client.coupons().listCoupons(new ListCouponsRequest());

    // The date has whole seconds: between 2 and 3 s are left when the 429 arrives.
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isBetween(Duration.ofMillis(1900), Duration.ofMillis(4500));
    api.verify(2, postRequestedFor(urlEqualTo(LIST)));
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void retryAfterAsAnHttpDateIsReportedWhenNotRetried(Via via) {
    String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
    api.stubFor(post(urlEqualTo(LIST)).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", inTenSeconds)));
    CouponToolsClient client = client(via, api.baseUrl(), b -> b.maxRetries(0));

    Throwable thrown = catchThrowable(() -> client.coupons().listCoupons(new ListCouponsRequest()));

    assertThat(thrown).isInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) thrown).retryAfter()).hasValueSatisfying(wait ->
        assertThat(wait).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10)));
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void aRetryAfterAboveTheCapFailsAtOnceCarryingTheWait(Via via) {
    api.stubFor(post(urlEqualTo(LIST)).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "120")));
    CouponToolsClient client = client(via, api.baseUrl(), b -> b.maxRetries(3));
    long started = System.nanoTime();

    Throwable thrown = catchThrowable(() -> client.coupons().listCoupons(new ListCouponsRequest()));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(thrown).isInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) thrown).retryAfter()).contains(Duration.ofSeconds(120));
    api.verify(1, postRequestedFor(urlEqualTo(LIST)));
  }

  // ---------------------------------------------------------------- 7. interrupts

  @ParameterizedTest
  @EnumSource(Via.class)
  void anInterruptDuringTheRetryWaitIsACouponToolsExceptionAndKeepsTheFlag(Via via)
      throws Exception {
    api.stubFor(post(urlEqualTo(LIST)).willReturn(aResponse().withStatus(503)
        .withHeader("Retry-After", "20").withBody("busy")));
    CouponToolsClient client = client(via, api.baseUrl(), b -> b.maxRetries(2));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flagAfter = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        client.coupons().listCoupons(new ListCouponsRequest());
      } catch (Throwable failure) {
        thrown.set(failure);
      }
      flagAfter.set(Thread.currentThread().isInterrupted());
    });
    caller.start();
    while (api.getAllServeEvents().isEmpty()) {
      Thread.sleep(20);
    }
    Thread.sleep(200);
    caller.interrupt();
    caller.join(5000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(CallInterruptedException.class);
    assertThat(thrown.get().getMessage()).contains("listCoupons", "interrupted");
    for (Throwable t = thrown.get(); t != null; t = t.getCause()) {
      assertThat(t.getClass().getName()).doesNotStartWith("dev.failsafe");
    }
    assertThat(flagAfter.get()).isTrue();
    api.verify(1, postRequestedFor(urlEqualTo(LIST)));
  }

  /**
   * A one-route HTTP server on a raw socket: reads each request (head and Content-Length body),
   * counts it, then lets the test write whatever it likes, however slowly.
   */
  static final class RawServer implements AutoCloseable {
    interface Responder {
      void respond(OutputStream out) throws Exception;
    }

    private final ServerSocket socket;
    private final Thread acceptor;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Socket> connections = new java.util.concurrent.CopyOnWriteArrayList<>();

    RawServer(Responder responder) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
      acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try {
            Socket connection = socket.accept();
            connections.add(connection);
            Thread handler = new Thread(() -> serve(connection, responder), "raw-server-conn");
            handler.setDaemon(true);
            handler.start();
          } catch (IOException closed) {
            return;
          }
        }
      }, "raw-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private void serve(Socket connection, Responder responder) {
      try (connection) {
        InputStream in = connection.getInputStream();
        while (readRequest(in)) {
          requests.incrementAndGet();
          responder.respond(connection.getOutputStream());
        }
      } catch (Exception gone) {
        // The client went away (as it should when it gives up): nothing to do.
      }
    }

    private static boolean readRequest(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b == -1) {
          return false;
        }
        head.write(b);
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String text = head.toString(StandardCharsets.US_ASCII);
      java.util.regex.Matcher length = java.util.regex.Pattern
          .compile("(?i)content-length:\\s*(\\d+)").matcher(text);
      if (length.find()) {
        in.readNBytes(Integer.parseInt(length.group(1)));
      }
      return true;
    }

    String baseUrl() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    AtomicInteger requests() {
      return requests;
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket connection : connections) {
        connection.close();
      }
    }
  }
}
