package io.github.coupontools.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coupontools.sdk.exception.RequestValidationException;
import io.github.coupontools.sdk.model.AddEmailContactRequest;
import io.github.coupontools.sdk.model.AddSmsContactRequest;
import io.github.coupontools.sdk.model.BatchUpdateCouponSessionsRequest;
import io.github.coupontools.sdk.model.CreateCouponRequest;
import io.github.coupontools.sdk.model.CreateEmailGroupRequest;
import io.github.coupontools.sdk.model.CreateMultipleSingleUseUrlsRequest;
import io.github.coupontools.sdk.model.CreateSingleUseUrlRequest;
import io.github.coupontools.sdk.model.CreateMultipleSingleUseUrlsRequest;
import io.github.coupontools.sdk.model.CreateSmsGroupRequest;
import io.github.coupontools.sdk.model.DeleteCouponSessionRequest;
import io.github.coupontools.sdk.model.GenerateCouponSessionBarcodeRequest;
import io.github.coupontools.sdk.model.GetCouponRequest;
import io.github.coupontools.sdk.model.GetCouponSessionRequest;
import io.github.coupontools.sdk.model.ListCouponSessionsRequest;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import io.github.coupontools.sdk.model.ListEmailContactsRequest;
import io.github.coupontools.sdk.model.ListSmsContactsRequest;
import io.github.coupontools.sdk.model.SearchCouponSessionsRequest;
import io.github.coupontools.sdk.model.SendCouponByEmailRequest;
import io.github.coupontools.sdk.model.SendCouponBySmsRequest;
import io.github.coupontools.sdk.model.SendPushNotificationToAllRequest;
import io.github.coupontools.sdk.model.SendPushNotificationToAllRequest;
import io.github.coupontools.sdk.model.UpdateCouponSessionRequest;
import io.github.coupontools.sdk.model.BatchUpdateCouponSessionsRequest;
import io.github.coupontools.sdk.model.VerifyWebhookRequest;
import java.math.BigDecimal;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that break the contract are refused before anything is sent, with a message naming
 * the JSON field (as the spec spells it) and the rule; requests exactly at the limits are sent.
 * Every constraint below is the one written in openapi/coupontools.yaml.
 */
class RequestValidationTest {

  private static final String OK = "{\"status\":{\"status\":\"OK\"}}";
  private static final String NOT_NULL = "must not be null";
  private static final String CAMPAIGN = "^cam_[0-9]+$";
  private static final String SESSION = "^[A-Za-z0-9]+$";
  private static final String GROUP = "^gro_[0-9]+$";
  private static final String E164 = "^\\+?[1-9][0-9]{1,14}$";
  private static final String DAY = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
  private static final String SEQUENCE = "^[0-9]+$";
  private static final String SESSION_DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}[:-][0-9]{2})?$";

  @RegisterExtension
  static final WireMockExtension wireMock = LocalWireMock.server();
  private static CouponToolsClient client;

  @BeforeAll
  static void start() {
    client = LocalWireMock.client(wireMock, "validation");
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
  }

  @BeforeEach
  void answerEverything() {
    wireMock.resetAll();
    // A stub that would answer every call: a request that reaches it was not refused.
    wireMock.stubFor(any(anyUrl()).willReturn(okJson(OK)));
  }

  // ---------------------------------------------------------------- bad inputs

  static Stream<Arguments> badRequests() {
    return Stream.of(
        // coupon/list
        bad("listCoupons", "category without cat_ prefix", "category", match("^cat_.*$"),
            c -> c.coupons().listCoupons(new ListCouponsRequest().onlyActive(true).category("42"))),
        // coupon/info
        bad("getCoupon", "campaign missing", "campaign", NOT_NULL,
            c -> c.coupons().getCoupon(new GetCouponRequest().showUsageStats(true))),
        bad("getCoupon", "campaign without cam_ prefix", "campaign", match(CAMPAIGN),
            c -> c.coupons().getCoupon(new GetCouponRequest().campaign("123456"))),
        bad("getCoupon", "campaign with a letter after cam_", "campaign", match(CAMPAIGN),
            c -> c.coupons().getCoupon(new GetCouponRequest().campaign("cam_12a"))),
        bad("getCoupon", "campaign in upper case", "campaign", match(CAMPAIGN),
            c -> c.coupons().getCoupon(new GetCouponRequest().campaign("CAM_123"))),
        // coupon/create
        bad("createCoupon", "template missing", "template", NOT_NULL,
            c -> c.coupons().createCoupon(new CreateCouponRequest().title("Spring sale"))),
        bad("createCoupon", "start_date without time", "start_date", "must match",
            c -> c.coupons().createCoupon(coupon().startDate("2024-05-01"))),
        bad("createCoupon", "expiry_date 3weeks (not a documented period)", "expiry_date",
            "must match", c -> c.coupons().createCoupon(coupon().expiryDate("3weeks"))),
        // campaign/data, opens, claims
        bad("listCouponSessions", "campaign missing", "campaign", NOT_NULL,
            c -> c.couponSessions().listCouponSessions(new ListCouponSessionsRequest().page(0))),
        bad("listCouponSessions", "start_date day first", "start_date", match(SESSION_DATE),
            c -> c.couponSessions().listCouponSessions(sessions().startDate("01-02-2024"))),
        bad("listCouponSessions", "end_date in ISO T notation", "end_date", match(SESSION_DATE),
            c -> c.couponSessions().listCouponSessions(sessions().endDate("2024-01-01T10:00"))),
        bad("listOpenedCouponSessions", "campaign without prefix", "campaign", match(CAMPAIGN),
            c -> c.couponSessions().listOpenedCouponSessions(
                new ListCouponSessionsRequest().campaign("123"))),
        // couponsession/data
        bad("getCouponSession", "couponsession missing", "couponsession", NOT_NULL,
            c -> c.couponSessions().getCouponSession(new GetCouponSessionRequest())),
        bad("getCouponSession", "couponsession with dashes", "couponsession", match(SESSION),
            c -> c.couponSessions().getCouponSession(
                new GetCouponSessionRequest().couponsession("ac6s-7u3g-8a25"))),
        // couponsession/update
        bad("updateCouponSession", "customfield1 of 51 characters", "customfield1", size(0, 50),
            c -> c.couponSessions().updateCouponSession(session().customfield1(text(51)))),
        bad("updateCouponSession", "customfield7 of 51 characters", "customfield7", size(0, 50),
            c -> c.couponSessions().updateCouponSession(session().customfield7(text(51)))),
        bad("updateCouponSession", "customid with a space", "customid", match(SESSION),
            c -> c.couponSessions().updateCouponSession(session().customid("has space"))),
        bad("updateCouponSession", "customid of 51 characters", "customid", size(0, 50),
            c -> c.couponSessions().updateCouponSession(session().customid(text(51)))),
        // batch/update
        bad("batchUpdateCouponSessions", "neither startsequence nor endsequence",
            "startsequence/endsequence", "at least one of them is required",
            c -> c.couponSessions().batchUpdateCouponSessions(
                new BatchUpdateCouponSessionsRequest().campaign("cam_123456"))),
        bad("batchUpdateCouponSessions", "campaign missing", "campaign", NOT_NULL,
            c -> c.couponSessions().batchUpdateCouponSessions(
                new BatchUpdateCouponSessionsRequest().startsequence("1000000"))),
        bad("batchUpdateCouponSessions", "startsequence 1.5", "startsequence", match("^[0-9]+$"),
            c -> c.couponSessions().batchUpdateCouponSessions(
                new BatchUpdateCouponSessionsRequest().campaign("cam_1").startsequence("1.5"))),
        bad("batchUpdateCouponSessions", "customfield3 of 51 characters", "customfield3", size(0, 50),
            c -> c.couponSessions().batchUpdateCouponSessions(new BatchUpdateCouponSessionsRequest()
                .campaign("cam_1").startsequence("1").customfield3(text(51)))),
        // couponsession/search
        bad("searchCouponSessions", "no search field", "code/phone/email",
            "at least one of them is required",
            c -> c.couponSessions().searchCouponSessions(
                new SearchCouponSessionsRequest().campaign("cam_123456"))),
        bad("searchCouponSessions", "code of 4 characters", "code", size(5, Integer.MAX_VALUE),
            c -> c.couponSessions().searchCouponSessions(new SearchCouponSessionsRequest().code("ab12"))),
        bad("searchCouponSessions", "campaign cam_x", "campaign", match(CAMPAIGN),
            c -> c.couponSessions().searchCouponSessions(
                new SearchCouponSessionsRequest().campaign("cam_x").code("CODE12345"))),
        // singleuse/remove, couponsession/barcode
        bad("deleteCouponSession", "campaign missing", "campaign", NOT_NULL,
            c -> c.couponSessions().deleteCouponSession(
                new DeleteCouponSessionRequest().couponsession("ac6s7u3g8a25"))),
        bad("deleteCouponSession", "couponsession missing", "couponsession", NOT_NULL,
            c -> c.couponSessions().deleteCouponSession(
                new DeleteCouponSessionRequest().campaign("cam_123456"))),
        bad("generateCouponSessionBarcode", "type missing", "type", NOT_NULL,
            c -> c.couponSessions().generateCouponSessionBarcode(
                new GenerateCouponSessionBarcodeRequest().couponsession("ac6s7u3g8a25"))),
        // singleuse/create
        bad("createSingleUseUrl", "customvalcode together with autovalcode",
            "customvalcode/autovalcode", "cannot be combined",
            c -> c.singleUse().createSingleUseUrl(singleUse().customvalcode("ABC123")
                .autovalcode(CreateSingleUseUrlRequest.AutovalcodeEnum._8DIGITS))),
        bad("createSingleUseUrl", "customvalcode of 101 characters", "customvalcode",
            size(0, 100), c -> c.singleUse().createSingleUseUrl(singleUse().customvalcode(text(101)))),
        bad("createSingleUseUrl", "customvalcode with a dash", "customvalcode", match(SESSION),
            c -> c.singleUse().createSingleUseUrl(singleUse().customvalcode("abc-123"))),
        bad("createSingleUseUrl", "expiry_date without seconds", "expiry_date", "must match",
            c -> c.singleUse().createSingleUseUrl(singleUse().expiryDate("2024-12-31 23:59"))),
        bad("createSingleUseUrl", "customfield2 of 51 characters", "customfield2", size(0, 50),
            c -> c.singleUse().createSingleUseUrl(singleUse().customfield2(text(51)))),
        bad("createSingleUseUrl", "campaign missing", "campaign", NOT_NULL,
            c -> c.singleUse().createSingleUseUrl(new CreateSingleUseUrlRequest().email("a@example.com"))),
        // multiplesingleuse/create
        bad("createMultipleSingleUseUrls", "campaign missing", "campaign", NOT_NULL,
            c -> c.singleUse().createMultipleSingleUseUrls(new CreateMultipleSingleUseUrlsRequest().amount(5))),
        // send/email, send/sms
        bad("sendCouponByEmail", "email missing", "email", NOT_NULL,
            c -> c.distribution().sendCouponByEmail(new SendCouponByEmailRequest().campaign("cam_1"))),
        bad("sendCouponByEmail", "email without domain", "email", "must be a well-formed email address",
            c -> c.distribution().sendCouponByEmail(
                new SendCouponByEmailRequest().campaign("cam_1").email("jane@"))),
        bad("sendCouponBySms", "phone with country code 0", "phone", match(E164),
            c -> c.distribution().sendCouponBySms(sms().phone("+0447911123456"))),
        bad("sendCouponBySms", "phone of 16 digits", "phone", match(E164),
            c -> c.distribution().sendCouponBySms(sms().phone("+1234567890123456"))),
        bad("sendCouponBySms", "phone with spaces", "phone", match(E164),
            c -> c.distribution().sendCouponBySms(sms().phone("+44 7911 123456"))),
        bad("sendCouponBySms", "campaign missing", "campaign", NOT_NULL,
            c -> c.distribution().sendCouponBySms(new SendCouponBySmsRequest().phone("+447911123456"))),
        // push notification
        bad("sendPushNotificationToAll", "empty message", "message", size(1, Integer.MAX_VALUE),
            c -> c.notifications().sendPushNotificationToAll(
                new SendPushNotificationToAllRequest().campaign("cam_1").message(""))),
        bad("sendPushNotificationToAll", "message missing", "message", NOT_NULL,
            c -> c.notifications().sendPushNotificationToAll(
                new SendPushNotificationToAllRequest().campaign("cam_1"))),
        // SMS groups
        bad("createSmsGroup", "empty group_name", "group_name", size(1, Integer.MAX_VALUE),
            c -> c.smsGroups().createSmsGroup(new CreateSmsGroupRequest().groupName(""))),
        bad("createSmsGroup", "group_name missing", "group_name", NOT_NULL,
            c -> c.smsGroups().createSmsGroup(new CreateSmsGroupRequest())),
        bad("addSmsContact", "smsgroup with grp_ prefix", "smsgroup", match(GROUP),
            c -> c.smsGroups().addSmsContact(
                new AddSmsContactRequest().smsgroup("grp_1").phone("+447911123456"))),
        bad("addSmsContact", "birthday with slashes", "birthday", match(DAY),
            c -> c.smsGroups().addSmsContact(new AddSmsContactRequest().smsgroup("gro_1")
                .phone("+447911123456").birthday("1990/01/31"))),
        bad("addSmsContact", "phone missing", "phone", NOT_NULL,
            c -> c.smsGroups().addSmsContact(new AddSmsContactRequest().smsgroup("gro_1"))),
        bad("listSmsContacts", "smsgroup of digits only", "smsgroup", match(GROUP),
            c -> c.smsGroups().listSmsContacts(new ListSmsContactsRequest().smsgroup("123"))),
        // email groups
        bad("listEmailContacts", "emailgroup missing", "emailgroup", NOT_NULL,
            c -> c.emailGroups().listEmailContacts(new ListEmailContactsRequest())),
        bad("createEmailGroup", "empty group_name", "group_name", size(1, Integer.MAX_VALUE),
            c -> c.emailGroups().createEmailGroup(new CreateEmailGroupRequest().groupName(""))),
        bad("addEmailContact", "email with a space", "email", "must be a well-formed email address",
            c -> c.emailGroups().addEmailContact(
                new AddEmailContactRequest().emailgroup("gro_1").email("jane doe@example.com"))),
        bad("addEmailContact", "emailgroup gro_ without digits", "emailgroup", match(GROUP),
            c -> c.emailGroups().addEmailContact(
                new AddEmailContactRequest().emailgroup("gro_").email("jane@example.com"))),
        bad("addEmailContact", "birthday day first", "birthday", match(DAY),
            c -> c.emailGroups().addEmailContact(new AddEmailContactRequest().emailgroup("gro_1")
                .email("jane@example.com").birthday("31-01-1990"))),
        // webhooks
        bad("verifyWebhook", "webhook missing", "webhook", NOT_NULL,
            c -> c.webhooks().service().verifyWebhook(new VerifyWebhookRequest())),
        bad("verifyWebhook", "webhook with a dash", "webhook", match("^(evt_[A-Za-z0-9]+|[0-9]+)$"),
            c -> c.webhooks().service().verifyWebhook(new VerifyWebhookRequest().webhook("evt-123"))));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badRequests")
  void badRequestIsRefusedNamingFieldAndRuleAndNothingIsSent(String operationId, String what,
      String field, String rule, Function<CouponToolsClient, Object> call) {
    RequestValidationException error =
        catchThrowableOfType(RequestValidationException.class, () -> call.apply(client));

    assertThat(error).as("refused before sending").isNotNull();
    assertThat(error.getMessage()).contains(operationId, field + ": ", rule);
    assertThat(error.violations()).anySatisfy(violation ->
        assertThat(violation).startsWith(field + ": ").contains(rule));
    assertThat(error.httpStatus()).isZero();
    wireMock.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void badRequestsCoverAtLeastFiftyInputsAndTwelveOperations() {
    Set<Object> operations = badRequests().map(arguments -> arguments.get()[0])
        .collect(Collectors.toSet());
    assertThat(badRequests().count()).isGreaterThanOrEqualTo(50);
    assertThat(operations).hasSizeGreaterThanOrEqualTo(12);
  }

  @Test
  void everyBrokenRuleOfOneRequestIsReportedSorted() {
    RequestValidationException error = catchThrowableOfType(RequestValidationException.class,
        () -> client.couponSessions().batchUpdateCouponSessions(new BatchUpdateCouponSessionsRequest()
            .customfield1(text(51))));

    assertThat(error.violations()).containsExactly(
        "campaign: must not be null",
        "customfield1: size must be between 0 and 50",
        "startsequence/endsequence: at least one of them is required");
    wireMock.verify(0, anyRequestedFor(anyUrl()));
  }

  // ---------------------------------------------------------------- valid edge inputs

  static Stream<Arguments> edgeRequests() {
    return Stream.of(
        edge("folder of exactly 50 characters", "/v3/coupon/list", "folder", text(50),
            c -> c.coupons().listCoupons(new ListCouponsRequest().folder(text(50)))),
        edge("campaign of exactly 50 characters", "/v3/coupon/info", "campaign",
            "cam_" + digits(46),
            c -> c.coupons().getCoupon(new GetCouponRequest().campaign("cam_" + digits(46)))),
        edge("code_length 10", "/v3/coupon/create", "code_length", "10",
            c -> c.coupons().createCoupon(coupon().codeLength(10))),
        edge("code_length 25 and flexible start_date", "/v3/coupon/create", "code_length", "25",
            c -> c.coupons().createCoupon(coupon().codeLength(25).startDate("1week")
                .expiryDate("2024-12-31 23:59").backgroundColor("#A0B1C2"))),
        edge("page 0 and hh-mm date", "/v3/campaign/data", "start_date", "2024-01-01 10-30",
            c -> c.couponSessions().listCouponSessions(sessions().page(0)
                .startDate("2024-01-01 10-30").endDate("2024-01-31"))),
        edge("couponsession of exactly 5 characters", "/v3/couponsession/data", "couponsession",
            "ab123", c -> c.couponSessions().getCouponSession(
                new GetCouponSessionRequest().couponsession("ab123"))),
        edge("couponsession of exactly 50 characters", "/v3/couponsession/data", "couponsession",
            text(50), c -> c.couponSessions().getCouponSession(
                new GetCouponSessionRequest().couponsession(text(50)))),
        edge("customfield1 of exactly 50 characters", "/v3/couponsession/update", "customfield1",
            text(50), c -> c.couponSessions().updateCouponSession(session().customfield1(text(50))
                .customid(text(50)).moneySpent(new BigDecimal("12.345")))),
        edge("only endsequence of 20 digits", "/v3/batch/update", "endsequence", digits(20),
            c -> c.couponSessions().batchUpdateCouponSessions(
                new BatchUpdateCouponSessionsRequest().campaign("cam_1").endsequence(digits(20)))),
        edge("search by email only, 5 characters", "/v3/couponsession/search", "email", "a@b.c",
            c -> c.couponSessions().searchCouponSessions(
                new SearchCouponSessionsRequest().email("a@b.c"))),
        edge("search by code of 100 characters", "/v3/couponsession/search", "code", text(100),
            c -> c.couponSessions().searchCouponSessions(
                new SearchCouponSessionsRequest().code(text(100)))),
        edge("customvalcode of exactly 100 characters", "/v3/singleuse/create", "customvalcode",
            text(100), c -> c.singleUse().createSingleUseUrl(singleUse().customvalcode(text(100)))),
        edge("autovalcode alone", "/v3/singleuse/create", "autovalcode", "10digits",
            c -> c.singleUse().createSingleUseUrl(
                singleUse().autovalcode(CreateSingleUseUrlRequest.AutovalcodeEnum._10DIGITS))),
        edge("amount 1 and code_length 25", "/v3/multiplesingleuse/create", "code_length", "25",
            c -> c.singleUse().createMultipleSingleUseUrls(singleUses().amount(1).codeLength(25))),
        edge("shortest E.164 phone", "/v3/send/sms", "phone", "+12",
            c -> c.distribution().sendCouponBySms(sms().phone("+12"))),
        edge("longest E.164 phone", "/v3/send/sms", "phone", "+123456789012345",
            c -> c.distribution().sendCouponBySms(sms().phone("+123456789012345"))),
        edge("numeric directory webhook id", "/v4/webhook/verification", "webhook", "922",
            c -> c.webhooks().service().verifyWebhook(new VerifyWebhookRequest().webhook("922"))),
        edge("webhook id of exactly 50 characters", "/v4/webhook/verification", "webhook",
            "evt_" + text(46),
            c -> c.webhooks().service().verifyWebhook(new VerifyWebhookRequest().webhook("evt_" + text(46)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edgeRequests")
  void requestAtTheLimitIsSent(String what, String path, String field, String value,
      Function<CouponToolsClient, Object> call) {
    Object response = call.apply(client);

    assertThat(response).isNotNull();
    wireMock.verify(1, postRequestedFor(urlEqualTo(path))
        .withRequestBody(matchingJsonPath("$." + field, equalTo(value))));
  }

  // ---------------------------------------------------------------- data

  private static Arguments bad(String operationId, String what, String field, String rule,
      Function<CouponToolsClient, Object> call) {
    return Arguments.of(operationId, what, field, rule, call);
  }

  private static Arguments edge(String what, String path, String field, String value,
      Function<CouponToolsClient, Object> call) {
    return Arguments.of(what, path, field, value, call);
  }

  private static String size(int min, int max) {
    return "size must be between " + min + " and " + max;
  }

  private static String match(String regex) {
    return "must match \"" + regex + "\"";
  }

  /** Letters and digits, valid wherever free text or session codes are. */
  private static String text(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + i % 26));
    }
    return text.toString();
  }

  private static String digits(int length) {
    return "7".repeat(length);
  }

  private static CreateCouponRequest coupon() {
    return new CreateCouponRequest().template("cam_123456");
  }

  private static ListCouponSessionsRequest sessions() {
    return new ListCouponSessionsRequest().campaign("cam_123456");
  }

  private static UpdateCouponSessionRequest session() {
    return new UpdateCouponSessionRequest().couponsession("ac6s7u3g8a25ja7x9qg87");
  }

  private static CreateSingleUseUrlRequest singleUse() {
    return new CreateSingleUseUrlRequest().campaign("cam_123456");
  }

  private static CreateMultipleSingleUseUrlsRequest singleUses() {
    return new CreateMultipleSingleUseUrlsRequest().campaign("cam_123456");
  }

  private static SendCouponBySmsRequest sms() {
    return new SendCouponBySmsRequest().campaign("cam_123456").phone("+447911123456");
  }
}
