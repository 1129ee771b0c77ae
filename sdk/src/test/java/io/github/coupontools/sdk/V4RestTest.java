package io.github.coupontools.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.coupontools.sdk.exception.AuthenticationException;
import io.github.coupontools.sdk.exception.CouponToolsException;
import io.github.coupontools.sdk.exception.InvalidParameterException;
import io.github.coupontools.sdk.exception.NotFoundException;
import io.github.coupontools.sdk.exception.RequestValidationException;
import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import io.github.coupontools.sdk.model.CopyLoyaltyCardRequest;
import io.github.coupontools.sdk.model.CreateLoyaltyCardUserRequest;
import io.github.coupontools.sdk.model.V4Answer;
import io.github.coupontools.sdk.model.V4LoyaltyCard;
import io.github.coupontools.sdk.model.WalletLoyaltyUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The v4 REST conventions through the SDK, against WireMock: path parameters as single
 * percent-encoded segments, GET and DELETE without a body, the credential headers each
 * operation's security names, bare JSON answers, the undocumented v4 errors by HTTP status, and
 * the retry rules (GET and the idempotent DELETE again, a creating POST never).
 */
class V4RestTest {

  @RegisterExtension
  static final WireMockExtension wireMock = LocalWireMock.server();

  private CouponToolsClient client = LocalWireMock.client(wireMock, "v4");

  @AfterEach
  void close() {
    client.close();
  }

  private static final String CARDS = "[{\"id\":123456,\"code\":\"ndoh57\",\"name\":\"My membership"
      + " card\",\"domain\":\"loyalty.coupontools.com\",\"type\":\"membership\"},{\"id\":234567,"
      + "\"code\":\"sk878e\",\"name\":\"My stamp card\",\"domain\":\"save2wallet.link\","
      + "\"type\":\"stamp\",\"extra\":1}]";

  static Stream<Arguments> transports() {
    return Stream.of(Arguments.of("apache"), Arguments.of("jersey"));
  }

  private CouponToolsClient on(String transport) {
    if (transport.equals("jersey")) {
      client.close();
      client = CouponToolsClient.builder().clientId("v4-id").clientSecret("v4-secret")
          .baseUrl(wireMock.baseUrl()).maxRetries(0)
          .transport(JerseyTransport.using(jakarta.ws.rs.client.ClientBuilder.newClient()))
          .build();
    }
    return client;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void pathParametersAreSentAsOneEncodedSegmentEachSoASlashOrQueryCannotChangeThePath(
      String transport) {
    wireMock.stubFor(any(anyUrl()).willReturn(okJson("{\"userId\":\"1\"}")));

    on(transport).directories().getDirectoryUser("12 3", "a/../b?c#d");

    assertThat(wireMock.getAllServeEvents()).singleElement().satisfies(event ->
        assertThat(event.getRequest().getUrl())
            .isEqualTo("/v4/directory/12%203/users/a%2F..%2Fb%3Fc%23d"));
  }

  @ParameterizedTest(name = "userId \"{0}\"")
  @ValueSource(strings = {"..", ".", "", "  "})
  void aDotSegmentOrBlankPathParameterIsRefusedBeforeSending(String userId) {
    RequestValidationException refused = catchThrowableOfType(RequestValidationException.class,
        () -> client.directories().getDirectoryUser("12", userId));

    assertThat(refused).isNotNull();
    assertThat(refused.getMessage()).contains("getDirectoryUser", "userId");
    assertThat(wireMock.getAllServeEvents()).isEmpty();
  }

  @Test
  void aMissingPathParameterIsRefusedBeforeSendingEvenWithAValidBody() {
    RequestValidationException refused = catchThrowableOfType(RequestValidationException.class,
        () -> client.loyalty().copyLoyaltyCard(null, new CopyLoyaltyCardRequest().name("x")));

    assertThat(refused.violations()).containsExactly("id: is required");
    assertThat(wireMock.getAllServeEvents()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void aGetSendsNoBodyAndTheApiKeyPairAndReadsABareArray(String transport) {
    wireMock.stubFor(get("/v4/loyalty/loyalty-cards").willReturn(okJson(CARDS)));

    List<V4LoyaltyCard> cards = on(transport).loyalty().listLoyaltyCards();

    assertThat(cards).extracting(V4LoyaltyCard::getId, V4LoyaltyCard::getType)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(123456L, "membership"),
            org.assertj.core.groups.Tuple.tuple(234567L, "stamp"));
    assertThat(cards.get(1).getAdditionalProperties()).containsEntry("extra", 1);
    assertThat(cards.get(1).rawJson()).hasValueSatisfying(json ->
        assertThat(json.path("code").asText()).isEqualTo("sk878e"));
    wireMock.verify(getRequestedFor(urlEqualTo("/v4/loyalty/loyalty-cards"))
        .withHeader("x-api-key", equalTo("v4-id"))
        .withHeader("x-api-secret", equalTo("v4-secret"))
        .withoutHeader("X-Client-Secret")
        .withoutHeader("Content-Type"));
    assertThat(wireMock.getAllServeEvents().get(0).getRequest().getBody()).isEmpty();
  }

  @Test
  void aPostWithAPathParameterSendsItsBodyAndReadsABareObject() {
    wireMock.stubFor(post("/v4/loyalty/loyalty-cards/123456/copy").willReturn(okJson(
        "{\"id\":345678,\"code\":\"ndoh57\",\"name\":\"New name\",\"domain\":"
            + "\"save2wallet.link\",\"type\":\"membership\"}")));

    V4LoyaltyCard copy = client.loyalty().copyLoyaltyCard(123456L,
        new CopyLoyaltyCardRequest().name("New name"));

    assertThat(copy.getId()).isEqualTo(345678L);
    assertThat(copy.getName()).isEqualTo("New name");
    wireMock.verify(postRequestedFor(urlEqualTo("/v4/loyalty/loyalty-cards/123456/copy"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"name\":\"New name\"}")));
  }

  @Test
  void v4DirectoryOperationsSendBothCredentialPairsAndV3OnlyTheClientPair() {
    wireMock.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":12345,\"name\":\"Guide\"}")));

    assertThat(client.directories().getDirectory("12345").getId()).isEqualTo("12345");

    wireMock.verify(getRequestedFor(urlEqualTo("/v4/directory/12345"))
        .withHeader("X-Client-Id", equalTo("v4-id"))
        .withHeader("X-Client-Secret", equalTo("v4-secret"))
        .withHeader("x-api-key", equalTo("v4-id"))
        .withHeader("x-api-secret", equalTo("v4-secret")));
    wireMock.resetAll();
    wireMock.stubFor(any(anyUrl()).willReturn(okJson("{\"status\":{\"status\":\"OK\"}}")));

    client.coupons().listCoupons(new io.github.coupontools.sdk.model.ListCouponsRequest());

    wireMock.verify(postRequestedFor(urlEqualTo("/v3/coupon/list"))
        .withHeader("X-Client-Secret", equalTo("v4-secret"))
        .withHeader("x-api-key", absent())
        .withHeader("x-api-secret", absent()));
  }

  @Test
  void queryObjectsAreSentAsDeepObjectPairsAndNullsAreLeftOut() {
    wireMock.stubFor(any(anyUrl()).willReturn(okJson("[]")));
    Map<String, String> filter = new LinkedHashMap<>();
    filter.put("email", "jane@example.com");

    assertThat(client.loyalty().listLoyaltyCardUsers(123456L, filter, null, true)).isEmpty();

    wireMock.verify(getRequestedFor(urlEqualTo("/v4/loyalty/loyalty-cards/123456/stats"
        + "?filter%5Bemail%5D=jane%40example.com&include_voided=true")));
  }

  @Test
  void anEmptySuccessBodyOfADeleteReadsAsAnEmptyAnswer() {
    wireMock.stubFor(delete("/v4/directory/12345/users/67890/access")
        .willReturn(aResponse().withStatus(204)));

    V4Answer answer = client.directories().revokeDirectoryAccess("12345", "67890");

    assertThat(answer.getAdditionalProperties()).isEmpty();
    assertThat(answer.rawJson()).hasValueSatisfying(json -> assertThat(json.isObject()).isTrue());
    wireMock.verify(deleteRequestedFor(urlEqualTo("/v4/directory/12345/users/67890/access")));
  }

  static Stream<Arguments> v4Errors() {
    return Stream.of(
        Arguments.of(401, "{\"message\":\"Unauthenticated.\"}", AuthenticationException.class),
        Arguments.of(403, "", AuthenticationException.class),
        Arguments.of(404, "<html>Not Found</html>", NotFoundException.class),
        Arguments.of(422, "{\"errors\":{\"email\":[\"The email has already been taken.\"]}}",
            InvalidParameterException.class),
        Arguments.of(400, "[\"bad\"]", InvalidParameterException.class),
        Arguments.of(500, "{\"message\":\"Server Error\"}", UnexpectedResponseException.class));
  }

  @ParameterizedTest(name = "HTTP {0} {1}")
  @MethodSource("v4Errors")
  void anUndocumentedV4ErrorIsMappedByStatusAndKeepsTheRawBody(int status, String body,
      Class<? extends CouponToolsException> expected) {
    wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body)));

    CouponToolsException error = catchThrowableOfType(CouponToolsException.class,
        () -> client.loyalty().getLoyaltyCardUser(123456L, 7654321L));

    assertThat(error).isExactlyInstanceOf(expected);
    assertThat(error.httpStatus()).isEqualTo(status);
    assertThat(error.rawBody()).isEqualTo(body);
    assertThat(error.getMessage()).contains("getLoyaltyCardUser", String.valueOf(status));
  }

  @Test
  void aV4ErrorWithAMessageOrTheCoupontoolsEnvelopeSaysSo() {
    wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
        .withBody("{\"message\":\"Invalid key v4-secret\"}")));

    AuthenticationException error = catchThrowableOfType(AuthenticationException.class,
        () -> client.loyalty().listLoyaltyCards());

    assertThat(error.errorDescriptions()).containsExactly("Invalid key [REDACTED]");
    assertThat(error.getMessage()).doesNotContain("v4-secret");

    wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody(
        "{\"status\":{\"status\":\"failed\",\"errors\":{\"error_code\":1000,"
            + "\"error_message\":\"HTTP/1.0 401 Unauthorized. Client ID or Secret not correct.\"}}}")));

    AuthenticationException enveloped = catchThrowableOfType(AuthenticationException.class,
        () -> client.loyalty().listLoyaltyCards());
    assertThat(enveloped.errorCodes()).containsExactly(1000);
  }

  private CouponToolsClient retrying() {
    client.close();
    client = CouponToolsClient.builder().clientId("v4-id").clientSecret("v4-secret")
        .baseUrl(wireMock.baseUrl()).maxRetries(2).build();
    return client;
  }

  @Test
  void aGetIsRetriedAfterA503() {
    wireMock.stubFor(get("/v4/loyalty/loyalty-cards").inScenario("once")
        .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503))
        .willSetStateTo("up"));
    wireMock.stubFor(get("/v4/loyalty/loyalty-cards").inScenario("once")
        .whenScenarioStateIs("up").willReturn(okJson(CARDS)));

    assertThat(retrying().loyalty().listLoyaltyCards()).hasSize(2);
    wireMock.verify(2, getRequestedFor(urlEqualTo("/v4/loyalty/loyalty-cards")));
  }

  @Test
  void theIdempotentDeleteIsRetriedAfterAConnectionReset() {
    String path = "/v4/directory/12345/users/67890/access";
    wireMock.stubFor(delete(path).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
        .willSetStateTo("up"));
    wireMock.stubFor(delete(path).inScenario("reset").whenScenarioStateIs("up")
        .willReturn(okJson("{}")));

    retrying().directories().revokeDirectoryAccess("12345", "67890");

    wireMock.verify(2, deleteRequestedFor(urlEqualTo(path)));
  }

  @Test
  void aPostThatCreatesAUserIsNeverSentAgainAfterItMayHaveLeft() {
    String path = "/v4/loyalty/loyalty-cards/123456/stats";
    wireMock.stubFor(post(path).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    catchThrowableOfType(CouponToolsException.class, () -> retrying().loyalty()
        .createLoyaltyCardUser(123456L, new CreateLoyaltyCardUserRequest().email("a@b.c")));
    wireMock.verify(1, postRequestedFor(urlEqualTo(path)));
    wireMock.resetAll();
    wireMock.stubFor(post(path).willReturn(aResponse().withStatus(503)));
    catchThrowableOfType(CouponToolsException.class, () -> client.loyalty()
        .createLoyaltyCardUser(123456L, new CreateLoyaltyCardUserRequest().email("a@b.c")));

    wireMock.verify(1, postRequestedFor(urlEqualTo(path)));
    assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void theTypedUserOfALoyaltyCardKeepsUndocumentedFields() {
    wireMock.stubFor(any(anyUrl()).willReturn(okJson(
        "{\"id\":7654321,\"code\":\"u7k2pq\",\"stamps\":3}")));

    WalletLoyaltyUser user = client.loyalty().getLoyaltyCardUser(123456L, 7654321L);

    assertThat(user.getId()).isEqualTo(7654321L);
    assertThat(user.rawJson()).hasValueSatisfying(json ->
        assertThat(json.path("stamps").asInt()).isEqualTo(3));
  }
}
