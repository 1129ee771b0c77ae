package io.github.coupontools.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coupontools.sdk.exception.RequestValidationException;
import io.github.coupontools.sdk.model.AddSmsContactRequest;
import io.github.coupontools.sdk.model.BatchUpdateCouponSessionsRequest;
import io.github.coupontools.sdk.model.CreateSingleUseUrlRequest;
import io.github.coupontools.sdk.model.ListCouponSessionsRequest;
import io.github.coupontools.sdk.model.SearchCouponSessionsRequest;
import io.github.coupontools.sdk.model.SendCouponByEmailRequest;
import io.github.coupontools.sdk.model.UpdateCouponSessionRequest;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Careless inputs the SDK used to send or to refuse with the wrong error: each is refused
 * before anything reaches the (local) server, with a message naming the field.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CarelessInputTest {

  @RegisterExtension
  static final WireMockExtension server = LocalWireMock.server();

  private CouponToolsClient client;

  @BeforeEach
  void connect() {
    server.stubFor(post(anyUrl()).willReturn(okJson("{\"status\":{\"status\":\"OK\"}}")));
    client = CouponToolsClient.builder().clientId("careless-id").clientSecret("careless-secret")
        .baseUrl(server.baseUrl()).readTimeout(Duration.ofSeconds(5)).maxRetries(0).build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  static Stream<Arguments> invalidRequests() {
    return Stream.of(
        Arguments.of("an empty required string", "email",
            (Function<CouponToolsClient, Object>) c -> c.distribution().sendCouponByEmail(
                new SendCouponByEmailRequest().campaign("cam_123456").email(""))),
        Arguments.of("an impossible date", "birthday",
            (Function<CouponToolsClient, Object>) c -> c.smsGroups().addSmsContact(
                new AddSmsContactRequest().smsgroup("gro_12").phone("+31612345678")
                    .birthday("2024-02-30"))),
        Arguments.of("an impossible date-time filter", "start_date",
            (Function<CouponToolsClient, Object>) c -> c.couponSessions().listCouponSessions(
                new ListCouponSessionsRequest().campaign("cam_123456")
                    .startDate("2023-02-29 10:00"))),
        Arguments.of("an additional property shadowing a declared field", "code",
            (Function<CouponToolsClient, Object>) c -> c.couponSessions().searchCouponSessions(
                new SearchCouponSessionsRequest().campaign("cam_123456").code("abc123")
                    .putAdditionalProperty("code", "' OR 1=1"))),
        Arguments.of("a null request", "request",
            (Function<CouponToolsClient, Object>) c -> c.distribution().sendCouponByEmail(null)),
        Arguments.of("a null request (create)", "request",
            (Function<CouponToolsClient, Object>) c -> c.singleUse().createSingleUseUrl(null)),
        Arguments.of("a null request (batch update)", "request",
            (Function<CouponToolsClient, Object>) c -> c.couponSessions()
                .batchUpdateCouponSessions((BatchUpdateCouponSessionsRequest) null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRequests")
  void isRefusedBeforeSendingNamingTheField(String what, String field,
      Function<CouponToolsClient, Object> call) {
    Throwable thrown = catchThrowable(() -> call.apply(client));

    assertThat(thrown).as(what).isInstanceOf(RequestValidationException.class);
    assertThat(thrown.getMessage()).as(what).contains(field);
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aRealDateAndAnAbsoluteUrlAreStillSent() {
    client.smsGroups().addSmsContact(new AddSmsContactRequest().smsgroup("gro_12")
        .phone("+31612345678").birthday("2024-02-29"));
    client.couponSessions().listCouponSessions(new ListCouponSessionsRequest()
        .campaign("cam_123456").startDate("2023-02-28 23-59"));

    server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        urlEqualTo("/v3/smstool/addcontact")));
    server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        urlEqualTo("/v3/campaign/data")));
  }

  @Test
  void aRelativeOrSchemelessBaseUrlIsRefusedNamingTheSetting() {
    for (String relative : new String[] {"/v3", "api.coupontools.com", "ftp://api.coupontools.com"}) {
      assertThatThrownBy(() -> CouponToolsClient.builder().clientId("id").clientSecret("s")
          .baseUrl(relative).build()).as(relative)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
    }
  }

  @Test
  void crOrLfInAnExtraHeaderValueIsRefusedNamingTheHeader() {
    assertThatThrownBy(() -> client.options().withHeader("X-Trace", "a\r\nX-Injected: 1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Trace")
        .hasMessageContaining("CR, LF");
  }

  @Test
  void crOrLfInTheCredentialsIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> CouponToolsClient.builder().clientId("id\r\nX-Injected: 1")
        .clientSecret("s").baseUrl(server.baseUrl()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientId");
    assertThatThrownBy(() -> CouponToolsClient.builder().clientId("id")
        .clientSecret("s\nX-Injected: 1").baseUrl(server.baseUrl()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientSecret")
        .hasMessageNotContaining("X-Injected");
  }

  @Test
  void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
    assertThatThrownBy(() -> UpdateCouponSessionRequest.OperationEnum.fromValue("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operation").hasMessageContaining("validate");
    assertThatThrownBy(() -> CreateSingleUseUrlRequest.DuplicateCheckEnum.fromValue("phone-ish"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate_check");
  }
}
