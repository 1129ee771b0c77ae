package io.github.coupontools.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coupontools.sdk.exception.ApiTimeoutException;
import io.github.coupontools.sdk.exception.CouponToolsException;
import io.github.coupontools.sdk.model.CreateSingleUseUrlRequest;
import io.github.coupontools.sdk.model.CreateSingleUseUrlResponse;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import io.github.coupontools.sdk.model.ListCouponsResponse;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The builder's checks, option views that share one transport, and one client in many threads. */
class CouponToolsClientTest {

  private static final String OK = "{\"status\":{\"status\":\"OK\"}}";

  @RegisterExtension
  static final WireMockExtension wireMock = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
          .containerThreads(64)).build();
  private static CouponToolsClient client;

  @BeforeAll
  static void start() {
    client = builder().readTimeout(Duration.ofSeconds(5)).maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
  }

  private static CouponToolsClient.Builder builder() {
    return CouponToolsClient.builder().clientId("builder-id").clientSecret("builder-secret")
        .baseUrl("http://127.0.0.1:" + wireMock.getPort());
  }

  // ---------------------------------------------------------------- builder

  @Test
  void missingClientIdIsNamedWithItsEnvironmentVariable() {
    assumeThat(System.getenv(CouponToolsClient.CLIENT_ID_ENV)).as("env var unset").isNull();

    assertThatThrownBy(() -> CouponToolsClient.builder().clientSecret("s").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientId is required")
        .hasMessageContaining("COUPONTOOLS_CLIENT_ID");
    assertThatThrownBy(() -> CouponToolsClient.builder().clientId("  ").clientSecret("s").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientId is required");
  }

  @Test
  void missingClientSecretIsNamedWithItsEnvironmentVariable() {
    assumeThat(System.getenv(CouponToolsClient.CLIENT_SECRET_ENV)).as("env var unset").isNull();

    assertThatThrownBy(() -> CouponToolsClient.builder().clientId("id").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientSecret is required")
        .hasMessageContaining("COUPONTOOLS_CLIENT_SECRET");
    assertThatThrownBy(() -> CouponToolsClient.builder().clientId("id").clientSecret("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientSecret is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://api.coupontools.com", "api.coupontools.com", "http:///v3",
      "file:/etc/passwd", "mailto:someone@example.com"})
  void baseUrlThatIsNotAnAbsoluteHttpUrlIsRefused(String baseUrl) {
    assertThatThrownBy(() -> CouponToolsClient.builder().clientId("id").clientSecret("s")
        .baseUrl(baseUrl).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl must be an absolute http(s) URL")
        .hasMessageContaining(baseUrl);
  }

  @Test
  void baseUrlThatIsNoUriAtAllIsRefused() {
    assertThatThrownBy(() -> CouponToolsClient.builder().baseUrl("not a url"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CouponToolsClient.builder().baseUrl((String) null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> CouponToolsClient.builder().baseUrl((URI) null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("baseUrl");
  }

  @Test
  void baseUrlKeepsItsPathWithoutTrailingSlashes() {
    try (CouponToolsClient prefixed = CouponToolsClient.builder().clientId("id")
        .clientSecret("s").baseUrl("http://127.0.0.1:" + wireMock.getPort() + "/proxy//").build()) {
      wireMock.stubFor(post(urlEqualTo("/proxy/v3/coupon/list")).willReturn(okJson(OK)));

      prefixed.coupons().listCoupons(new ListCouponsRequest());

      assertThat(prefixed.baseUrl())
          .isEqualTo(URI.create("http://127.0.0.1:" + wireMock.getPort() + "/proxy"));
      wireMock.verify(1, postRequestedFor(urlEqualTo("/proxy/v3/coupon/list")));
    }
  }

  @Test
  void timeoutsOutsideTheirRangeAreRefusedNamingTheSetting() {
    assertRefused(b -> b.connectTimeout(Duration.ZERO), "connectTimeout", "PT0S");
    assertRefused(b -> b.connectTimeout(Duration.ofSeconds(-1)), "connectTimeout", "PT-1S");
    assertRefused(b -> b.readTimeout(Duration.ofMinutes(10).plusMillis(1)), "readTimeout",
        "at most 10 minutes");
    assertRefused(b -> b.readTimeout(Duration.ZERO), "readTimeout", "more than 0");
    assertThatThrownBy(() -> builder().readTimeout(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("readTimeout");
  }

  @Test
  void retriesOutsideZeroToTenAreRefused() {
    assertRefused(b -> b.maxRetries(-1), "maxRetries", "between 0 and 10, was -1");
    assertRefused(b -> b.maxRetries(11), "maxRetries", "between 0 and 10, was 11");
  }

  @Test
  void settingsAtTheEdgesOfTheirRangesAreAccepted() {
    try (CouponToolsClient edges = builder().connectTimeout(Duration.ofMillis(1))
        .readTimeout(Duration.ofMinutes(10)).maxRetries(10).build()) {
      assertThat(edges.options().connectTimeout()).isEqualTo(Duration.ofMillis(1));
      assertThat(edges.options().readTimeout()).isEqualTo(Duration.ofMinutes(10));
      assertThat(edges.options().maxRetries()).isEqualTo(10);
    }
    assertThat(client.withOptions(client.options().withMaxRetries(0)).options().maxRetries())
        .isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-Client-Secret", "x-client-id", "x-api-key", "X-Api-Secret",
      "User-Agent", "Content-Type",
      "Accept", "Host", "Content-Length", "Bad Header", "Bad:Header", ""})
  void headersTheSdkSetsOrInvalidNamesCannotBeAdded(String name) {
    assertThatThrownBy(() -> client.options().withHeader(name, "value"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header");
  }

  private static void assertRefused(UnaryOperator<CouponToolsClient.Builder> setting,
      String name, String detail) {
    assertThatThrownBy(() -> setting.apply(builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name).hasMessageContaining(detail);
  }

  // ---------------------------------------------------------------- withOptions

  @Test
  void withOptionsChangesOnlyTheOptions() {
    RequestOptions other = client.options().withReadTimeout(Duration.ofMillis(1234))
        .withMaxRetries(7).withHeader("Prefer", "code=200");
    RequestOptions before = client.options();

    CouponToolsClient view = client.withOptions(other);

    assertThat(view.options()).isEqualTo(other);
    assertThat(client.options()).isEqualTo(before).isNotEqualTo(other);
    assertThat(view.baseUrl()).isEqualTo(client.baseUrl());
    assertThat(view.toString()).contains("builder-id", "maxRetries=7", "Prefer")
        .doesNotContain("builder-secret");
    assertThatThrownBy(() -> client.withOptions(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void withOptionsSendsTheViewsHeadersOnlyFromTheView() {
    wireMock.stubFor(post(urlEqualTo("/v3/coupon/list")).willReturn(okJson(OK)));
    CouponToolsClient view = client.withOptions(client.options().withHeader("Prefer", "code=200"));

    view.coupons().listCoupons(new ListCouponsRequest());
    client.coupons().listCoupons(new ListCouponsRequest());

    wireMock.verify(1, postRequestedFor(urlEqualTo("/v3/coupon/list"))
        .withHeader("Prefer", equalTo("code=200")));
    wireMock.verify(1, postRequestedFor(urlEqualTo("/v3/coupon/list")).withoutHeader("Prefer"));
  }

  @Test
  void viewsShareTheTransportOfTheirClient() {
    wireMock.stubFor(post(urlEqualTo("/v3/coupon/list")).willReturn(okJson(OK)));
    CouponToolsClient owner = builder().maxRetries(0).build();
    CouponToolsClient view = owner.withOptions(owner.options().withMaxRetries(10));
    view.coupons().listCoupons(new ListCouponsRequest());

    owner.close();
    long started = System.nanoTime();
    Throwable afterClose = catchThrowable(() -> view.coupons().listCoupons(new ListCouponsRequest()));

    assertThat(afterClose).as("the view's connections were closed with its client")
        .isExactlyInstanceOf(CouponToolsException.class)
        .hasMessageContaining("listCoupons").hasMessageContaining("closed");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not retried")
        .isLessThan(Duration.ofSeconds(1));
    wireMock.verify(1, postRequestedFor(urlEqualTo("/v3/coupon/list")));
  }

  @Test
  void shorterReadTimeoutOfAViewAppliesToItsCallsOnly() {
    wireMock.stubFor(post(urlEqualTo("/v3/coupon/list"))
        .willReturn(okJson(OK).withFixedDelay(1000)));
    CouponToolsClient impatient =
        client.withOptions(client.options().withReadTimeout(Duration.ofMillis(300)));

    long started = System.nanoTime();
    Throwable timedOut = catchThrowable(() -> impatient.coupons().listCoupons(new ListCouponsRequest()));
    Duration impatientTook = Duration.ofNanos(System.nanoTime() - started);

    assertThat(timedOut).isExactlyInstanceOf(ApiTimeoutException.class)
        .hasMessageContaining("read timed out after 300 ms");
    assertThat(impatientTook).isGreaterThanOrEqualTo(Duration.ofMillis(250))
        .isLessThan(Duration.ofMillis(950));

    started = System.nanoTime();
    ListCouponsResponse response = client.coupons().listCoupons(new ListCouponsRequest());
    Duration patientTook = Duration.ofNanos(System.nanoTime() - started);

    assertThat(response.getStatus().getStatus()).isEqualTo("OK");
    assertThat(patientTook).isGreaterThanOrEqualTo(Duration.ofMillis(1000))
        .isLessThan(Duration.ofSeconds(5));
    assertThat(catchThrowable(() -> impatient.coupons().listCoupons(new ListCouponsRequest())))
        .as("the view kept its own timeout").isExactlyInstanceOf(ApiTimeoutException.class);
    wireMock.verify(3, postRequestedFor(urlEqualTo("/v3/coupon/list")));
  }

  // ---------------------------------------------------------------- threads

  @Test
  void oneClientServes32ThreadsOf20CallsEachWithoutMixingAnswers() throws Exception {
    wireMock.stubFor(post(urlEqualTo("/v3/coupon/list")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withTransformers("response-template")
        .withBody("{\"status\":{\"status\":\"OK\"},\"amount_of_campaigns\":\"1\",\"coupon_info\":"
            + "[{\"ID\":\"cam_1\",\"name\":\"{{jsonPath request.body '$.folder'}}\","
            + "\"title\":\"{{request.headers.X-Thread}}\"}]}")));
    wireMock.stubFor(post(urlEqualTo("/v3/singleuse/create")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withTransformers("response-template")
        .withBody("{\"status\":{\"status\":\"OK\"},\"campaign\":\"cam_1\","
            + "\"single_use_code\":\"{{jsonPath request.body '$.customid'}}\","
            + "\"duplicate_found\":\"0\"}")));
    int threads = 32;
    int calls = 20;
    CouponToolsClient shared = builder().maxRetries(0).build();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<Integer> work = () -> {
          CouponToolsClient mine = shared.withOptions(
              shared.options().withHeader("X-Thread", "t" + thread));
          start.await();
          int verified = 0;
          for (int i = 0; i < calls; i++) {
            String tag = "t" + thread + "c" + i;
            if (i % 2 == 0) {
              ListCouponsResponse listed =
                  mine.coupons().listCoupons(new ListCouponsRequest().folder(tag));
              assertThat(listed.getCouponInfo().get(0).getName()).isEqualTo(tag);
              assertThat(listed.getCouponInfo().get(0).getTitle()).isEqualTo("t" + thread);
            } else {
              CreateSingleUseUrlResponse created = mine.singleUse().createSingleUseUrl(
                  new CreateSingleUseUrlRequest().campaign("cam_1").customid(tag));
              assertThat(created.getSingleUseCode()).isEqualTo(tag);
              assertThat(created.getDuplicateFound()).isFalse();
            }
            verified++;
          }
          return verified;
        };
        results.add(pool.submit(work));
      }
      long started = System.nanoTime();
      start.countDown();
      int total = 0;
      for (Future<Integer> result : results) {
        total += result.get(60, TimeUnit.SECONDS);
      }

      assertThat(total).isEqualTo(threads * calls);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
      wireMock.verify(threads * calls, anyRequestedFor(anyUrl()));
      wireMock.verify(threads * calls / 2, postRequestedFor(urlEqualTo("/v3/singleuse/create")));
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
      shared.close();
    }
  }
}
