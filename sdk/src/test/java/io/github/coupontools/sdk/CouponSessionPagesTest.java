package io.github.coupontools.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import io.github.coupontools.sdk.model.CouponSessionSummary;
import io.github.coupontools.sdk.model.ListCouponSessionsRequest;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CouponSessionPagesTest {

  private static final String DATA = "/v3/campaign/data";
  @RegisterExtension
  static final WireMockExtension server = LocalWireMock.server();
  private static CouponToolsClient client;

  @BeforeAll
  static void start() {
    client = CouponToolsClient.builder().clientId("id").clientSecret("secret")
        .baseUrl(server.baseUrl()).maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  @Test
  void emptyFirstPageYieldsNothingAfterOneRequest() {
    page(DATA, 1, 0, 0);

    assertThat(client.couponSessionPages().all(request())).isEmpty();
    server.verify(1, postRequestedFor(urlEqualTo(DATA)));
  }

  @Test
  void shortFirstPageIsTheOnlyPage() {
    page(DATA, 1, 0, 42);

    assertThat(client.couponSessionPages().all(request())).hasSize(42);
    server.verify(1, postRequestedFor(urlEqualTo(DATA)));
  }

  @Test
  void readsFullPagesUntilAShortOneInOrder() {
    page(DATA, 1, 0, 100);
    page(DATA, 2, 100, 100);
    page(DATA, 3, 200, 37);

    List<String> sessions = client.couponSessionPages().all(request())
        .map(CouponSessionSummary::getSession).collect(Collectors.toList());

    assertThat(sessions).hasSize(237).doesNotHaveDuplicates();
    assertThat(sessions.get(0)).isEqualTo(session(0));
    assertThat(sessions.get(236)).isEqualTo(session(236));
    server.verify(3, postRequestedFor(urlEqualTo(DATA)));
  }

  @Test
  void stopsAtAnEmptyPageAfterFullOnes() {
    page(DATA, 1, 0, 100);
    page(DATA, 2, 100, 0);

    assertThat(client.couponSessionPages().all(request())).hasSize(100);
    server.verify(2, postRequestedFor(urlEqualTo(DATA)));
  }

  @Test
  void fetchesTheNextPageOnlyWhenItIsNeeded() {
    page(DATA, 1, 0, 100);
    page(DATA, 2, 100, 100);
    page(DATA, 3, 200, 100);

    assertThat(client.couponSessionPages().all(request()).limit(150)).hasSize(150);
    server.verify(2, postRequestedFor(urlEqualTo(DATA)));

    Iterator<CouponSessionSummary> lazy = client.couponSessionPages().all(request()).iterator();
    server.verify(2, postRequestedFor(urlEqualTo(DATA)));
    lazy.next();
    server.verify(3, postRequestedFor(urlEqualTo(DATA)));
  }

  @Test
  void claimedAndOpenedUseTheirOwnEndpointsAndKeepTheFilters() {
    page("/v3/campaign/claims", 1, 0, 3);
    page("/v3/campaign/opens", 1, 0, 2);
    ListCouponSessionsRequest filtered = request().startDate("2024-01-01").endDate("2024-01-31");

    assertThat(client.couponSessionPages().claimed(filtered)).hasSize(3);
    assertThat(client.couponSessionPages().opened(filtered)).hasSize(2);
    server.verify(postRequestedFor(urlEqualTo("/v3/campaign/claims")).withRequestBody(equalToJson(
        "{\"campaign\":\"cam_123456\",\"page\":1,\"start_date\":\"2024-01-01\",\"end_date\":\"2024-01-31\"}")));
    assertThat(filtered.getPage()).as("the caller's request is not modified").isNull();
  }

  @Test
  void startsAtTheRequestedPage() {
    page(DATA, 5, 0, 10);

    assertThat(client.couponSessionPages().all(request().page(5))).hasSize(10);
    server.verify(1, postRequestedFor(urlEqualTo(DATA)).withRequestBody(matchingJsonPath("$.page", equalToJson("5"))));
  }

  @Test
  void stopsWithAClearErrorWhenTheApiIgnoresThePageParameter() {
    server.stubFor(post(urlEqualTo(DATA)).willReturn(okPage(0, 100)));

    assertThatThrownBy(() -> client.couponSessionPages().all(request()).count())
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("Page 2 repeats the previous page");
  }

  private static ListCouponSessionsRequest request() {
    return new ListCouponSessionsRequest().campaign("cam_123456");
  }

  private static void page(String path, int page, int first, int count) {
    server.stubFor(post(urlEqualTo(path))
        .withRequestBody(matchingJsonPath("$.page", equalToJson(Integer.toString(page))))
        .willReturn(okPage(first, count)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okPage(
      int first, int count) {
    String data = IntStream.range(first, first + count)
        .mapToObj(i -> "{\"session\":\"" + session(i) + "\",\"sequenceid\":\"" + (1000 + i)
            + "\",\"status\":{\"claimed\":\"1\",\"validated\":\"0\"}}")
        .collect(Collectors.joining(","));
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"status\":{\"status\":\"OK\"},\"campaign\":\"cam_123456\","
            + "\"action\":\"retrieve_all_data\",\"data\":[" + data + "]}");
  }

  private static String session(int i) {
    return String.format("s%020d", i);
  }
}
