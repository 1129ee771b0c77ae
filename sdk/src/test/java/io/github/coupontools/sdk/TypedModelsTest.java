package io.github.coupontools.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coupontools.sdk.model.CouponSessionStatus;
import io.github.coupontools.sdk.model.CouponWebhookEvent;
import io.github.coupontools.sdk.model.SearchCouponSessionsRequest;
import io.github.coupontools.sdk.model.SearchCouponSessionsResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract's wire scalars read as Java types: flags as Boolean, counters as Long, decimals as
 * BigDecimal, dates as LocalDate/LocalDateTime, UTC date-times as Instant. An empty or unexpected
 * value reads as null without failing the response, and stays in rawJson().
 */
class TypedModelsTest {

  @RegisterExtension
  static final WireMockExtension wireMock = LocalWireMock.server();
  private static CouponToolsClient client;

  @BeforeAll
  static void start() {
    client = LocalWireMock.client(wireMock, "typed");
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  private static SearchCouponSessionsResponse search(String status) {
    wireMock.stubFor(post(urlEqualTo("/v3/couponsession/search")).willReturn(okJson(
        "{\"status\":{\"status\":\"OK\"},\"results_found\":\"1\",\"searchresults\":[{"
            + "\"campaign\":\"cam_1\",\"session\":\"ac6s7u3g8a25\",\"data\":{\"status\":"
            + status + "}}]}")));
    return client.couponSessions().searchCouponSessions(
        new SearchCouponSessionsRequest().code("CODE12345"));
  }

  @Test
  void documentedWireValuesReadAsJavaTypes() {
    SearchCouponSessionsResponse response = search("{\"claimed\":\"1\",\"validated\":\"0\","
        + "\"claim_date_utc\":\"2019-03-25 10:44:05\",\"validation_value\":\"12.500\"}");

    CouponSessionStatus status = response.getSearchresults().get(0).getData().getStatus();
    assertThat(response.getResultsFound()).isEqualTo(1L);
    assertThat(status.getClaimed()).isTrue();
    assertThat(status.getValidated()).isFalse();
    assertThat(status.getClaimDateUtc()).isEqualTo(Instant.parse("2019-03-25T10:44:05Z"));
    assertThat(status.getValidationValue()).isEqualTo(new BigDecimal("12.500"));
  }

  @Test
  void emptyAndUnexpectedValuesReadAsAbsentAndStayInTheRawJson() {
    SearchCouponSessionsResponse response = search("{\"claimed\":\"maybe\",\"validated\":\"\","
        + "\"claim_date_utc\":\"0000-00-00 00:00:00\",\"open_date_utc\":\"\","
        + "\"validation_value\":\"n/a\",\"played\":{\"nested\":[1,2]}}");

    CouponSessionStatus status = response.getSearchresults().get(0).getData().getStatus();
    assertThat(status.getClaimed()).isNull();
    assertThat(status.getValidated()).isNull();
    assertThat(status.getClaimDateUtc()).isNull();
    assertThat(status.getOpenDateUtc()).isNull();
    assertThat(status.getValidationValue()).isNull();
    assertThat(status.getPlayed()).isNull();
    assertThat(response.rawJson().orElseThrow().at("/searchresults/0/data/status/claimed")
        .asText()).isEqualTo("maybe");
    assertThat(response.rawJson().orElseThrow().at("/searchresults/0/data/status/claim_date_utc")
        .asText()).isEqualTo("0000-00-00 00:00:00");
  }

  @Test
  void aModelBuiltInCodeHasNoRawJson() {
    assertThat(new CouponSessionStatus().claimed(true).rawJson()).isEmpty();
  }

  @Test
  void webhookDatesWithoutZoneReadAsLocalTypes() {
    CouponWebhookEvent event = client.webhooks().parse("{\"id\":\"evt_1\",\"type\":\"coupon_claimed\","
        + "\"datetime\":\"2022-01-14 10:40:38\",\"livemode\":\"0\",\"coupon\":{\"ID\":\"cam_1\"},"
        + "\"customer\":{\"birthday\":\"1980-01-01\"}}").as(CouponWebhookEvent.class).orElseThrow();

    assertThat(event.getDatetime()).isEqualTo(LocalDateTime.of(2022, 1, 14, 10, 40, 38));
    assertThat(event.getLivemode()).isFalse();
    assertThat(event.getCustomer().getBirthday()).isEqualTo(LocalDate.of(1980, 1, 1));
    assertThat(event.rawJson().orElseThrow().path("livemode").asText()).isEqualTo("0");
  }
}
