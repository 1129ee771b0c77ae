package io.github.coupontools.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import io.github.coupontools.sdk.model.BatchUpdateCouponSessionsRequest;
import io.github.coupontools.sdk.model.BatchUpdateCouponSessionsResponse;
import io.github.coupontools.sdk.model.Coupon;
import io.github.coupontools.sdk.model.CreateSingleUseUrlRequest;
import io.github.coupontools.sdk.model.CreateSingleUseUrlResponse;
import io.github.coupontools.sdk.model.CreateSmsGroupRequest;
import io.github.coupontools.sdk.model.CreateSmsGroupResponse;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import io.github.coupontools.sdk.model.ListCouponsResponse;
import io.github.coupontools.sdk.model.ListSmsContactsRequest;
import io.github.coupontools.sdk.model.ListSmsContactsResponse;
import io.github.coupontools.sdk.model.ListSmsGroupsResponse;
import io.github.coupontools.sdk.model.SearchCouponSessionsRequest;
import io.github.coupontools.sdk.model.SearchCouponSessionsResponse;
import io.github.coupontools.sdk.model.SearchResult;
import io.github.coupontools.sdk.model.BatchUpdateCouponSessionsRequest;
import io.github.coupontools.sdk.model.BatchUpdateCouponSessionsResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The API is loose with JSON types: numbers come as strings and strings as numbers, flags as
 * "1"/"0", 1/0 or "true", and responses carry fields no documentation names. The client reads
 * all of that without error and keeps the values; open string fields keep unknown values.
 */
class LenientJsonTest {

  @RegisterExtension
  static final WireMockExtension wireMock = LocalWireMock.server();
  private static CouponToolsClient client;

  @BeforeAll
  static void start() {
    client = LocalWireMock.client(wireMock, "lenient");
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void integerSentAsStringAndUnknownFieldsAreRead() {
    answer("/v3/smstool/grouplist", "{\"status\":{\"status\":\"OK\",\"request_id\":\"r-1\"},"
        + "\"amount_of_groups\":\"2\",\"next_page\":null,\"meta\":{\"served_by\":[\"a\",\"b\"]},"
        + "\"group\":[{\"ID\":\"gro_1\",\"name\":\"VIP\",\"created\":\"2024-01-01\"},"
        + "{\"ID\":\"gro_2\",\"name\":\"Newsletter\",\"size\":12}]}");

    ListSmsGroupsResponse response = client.smsGroups().listSmsGroups();

    assertThat(response.getStatus().getStatus()).isEqualTo("OK");
    assertThat(response.getAmountOfGroups()).isEqualTo(2);
    assertThat(response.getGroup()).extracting(group -> group.getId() + "=" + group.getName())
        .containsExactly("gro_1=VIP", "gro_2=Newsletter");
  }

  @Test
  void numberSentForStringFieldsKeepsItsDigits() {
    answer("/v3/coupon/list", "{\"status\":{\"status\":\"OK\"},\"amount_of_campaigns\":1,"
        + "\"coupon_info\":[{\"ID\":\"cam_123456\",\"coupon_category\":7,\"code\":123456,"
        + "\"status\":\"active\",\"brand_new_field\":{\"x\":1}}]}");

    ListCouponsResponse response = client.coupons().listCoupons(new ListCouponsRequest());

    assertThat(response.getAmountOfCampaigns()).isEqualTo(1L);
    Coupon coupon = response.getCouponInfo().get(0);
    assertThat(coupon.getCouponCategory()).isEqualTo(7L);
    assertThat(coupon.getCode()).isEqualTo("123456");
    assertThat(coupon.getStatus()).isEqualTo("active");
  }

  @Test
  void unknownValueOfAnOpenStringFieldIsKeptAsSent() {
    answer("/v3/coupon/list", "{\"status\":{\"status\":\"OK\"},\"amount_of_campaigns\":\"2\","
        + "\"coupon_info\":[{\"ID\":\"cam_1\",\"status\":\"paused\"},"
        + "{\"ID\":\"cam_2\",\"status\":\"Test\"}]}");

    ListCouponsResponse response = client.coupons().listCoupons(new ListCouponsRequest());

    assertThat(response.getCouponInfo()).extracting(Coupon::getStatus)
        .containsExactly("paused", "Test");
  }

  @Test
  void searchResultsWithNumericFlagsAndUnknownStatusAreRead() {
    answer("/v3/couponsession/search", "{\"status\":{\"status\":\"OK\"},\"results_found\":1,"
        + "\"searchresults\":[{\"campaign\":\"cam_1\",\"session\":\"ac6s7u3g8a25\","
        + "\"coupon\":{\"ID\":\"cam_1\",\"status\":\"paused\",\"coupon_tags\":\"\"},"
        + "\"data\":{\"status\":{\"opened\":1,\"claimed\":\"0\",\"validated\":true,"
        + "\"claim_date_utc\":\"\",\"new_flag\":\"1\"}}}]}");

    SearchCouponSessionsResponse response = client.couponSessions().searchCouponSessions(
        new SearchCouponSessionsRequest().code("CODE12345"));

    assertThat(response.getResultsFound()).isEqualTo(1L);
    SearchResult result = response.getSearchresults().get(0);
    assertThat(result.getCoupon().getStatus()).isEqualTo("paused");
    assertThat(result.getData().getStatus().getOpened()).isTrue();
    assertThat(result.getData().getStatus().getClaimed()).isFalse();
    assertThat(result.getData().getStatus().getValidated()).isTrue();
    assertThat(result.getData().getStatus().getClaimDateUtc()).isNull();
    assertThat(response.rawJson().orElseThrow().at("/searchresults/0/data/status/new_flag")
        .asText()).isEqualTo("1");
  }

  @ParameterizedTest(name = "duplicate_found {0} is {1}")
  @CsvSource(delimiter = '|', value = {
      "\"1\"     | true",
      "\"0\"     | false",
      "1         | true",
      "0         | false",
      "\"true\"  | true",
      "\"false\" | false",
      "\"TRUE\"  | true",
      "true      | true",
      "false     | false",
      "\" 1 \"   | true"})
  void duplicateFoundFlagIsReadInEveryForm(String sent, boolean expected) {
    answer("/v3/singleuse/create", "{\"status\":{\"status\":\"OK\"},\"campaign\":\"cam_1\","
        + "\"single_use_code\":\"abc12\",\"duplicate_found\":" + sent + "}");

    CreateSingleUseUrlResponse response = client.singleUse().createSingleUseUrl(
        new CreateSingleUseUrlRequest().campaign("cam_1"));

    assertThat(response.getDuplicateFound()).isEqualTo(expected);
    assertThat(response.getSingleUseCode()).isEqualTo("abc12");
  }

  @ParameterizedTest(name = "duplicate_found {0} is absent")
  @CsvSource(delimiter = '|', value = {"null", "\"\""})
  void emptyOrNullFlagIsAbsent(String sent) {
    answer("/v3/singleuse/create",
        "{\"status\":{\"status\":\"OK\"},\"duplicate_found\":" + sent + "}");

    CreateSingleUseUrlResponse response = client.singleUse().createSingleUseUrl(
        new CreateSingleUseUrlRequest().campaign("cam_1"));

    assertThat(response.getDuplicateFound()).isNull();
  }

  @Test
  void longSentAsStringIsRead() {
    answer("/v3/smstool/addgroup",
        "{\"status\":{\"status\":\"OK\"},\"result\":\"saved_successfully\",\"groupid\":\"119251\"}");

    CreateSmsGroupResponse response =
        client.smsGroups().createSmsGroup(new CreateSmsGroupRequest().groupName("VIP"));

    assertThat(response.getGroupid()).isEqualTo(119251L);
    assertThat(response.getResult()).isEqualTo("saved_successfully");
  }

  @ParameterizedTest(name = "action_quantity {0}")
  @CsvSource(delimiter = '|', value = {"5 | 5", "\"5\" | 5", "\"\" | ", "null | "})
  void integerFieldIsReadFromNumberStringEmptyStringOrNull(String sent, Integer expected) {
    answer("/v3/batch/update", "{\"status\":{\"status\":\"OK\"},"
        + "\"action_date\":\"2024-01-01 10:00:00\",\"action_quantity\":" + sent + "}");

    BatchUpdateCouponSessionsResponse response = client.couponSessions().batchUpdateCouponSessions(
        new BatchUpdateCouponSessionsRequest().campaign("cam_1").startsequence("1"));

    assertThat(response.getActionQuantity()).isEqualTo(expected);
    assertThat(response.getActionDate())
        .isEqualTo(java.time.LocalDateTime.of(2024, 1, 1, 10, 0, 0));
  }

  @Test
  void contactListWithNumericCountAndUnknownContactFieldsIsRead() {
    answer("/v3/smstool/userlist", "{\"status\":{\"status\":\"OK\"},\"group_id\":\"gro_1\","
        + "\"amount_of_contacts\":1,\"contact\":[{\"ID\":\"con_1\",\"phone\":447911123456,"
        + "\"unsubscribed\":0,\"email\":\"not documented\"}]}");

    ListSmsContactsResponse response =
        client.smsGroups().listSmsContacts(new ListSmsContactsRequest().smsgroup("gro_1"));

    assertThat(response.getAmountOfContacts()).isEqualTo(1L);
    assertThat(response.getContact()).singleElement().satisfies(contact -> {
      assertThat(contact.getPhone()).isEqualTo("447911123456");
      assertThat(contact.getUnsubscribed()).isFalse();
    });
  }

  @Test
  void flagThatCannotBeReadIsAbsentAndKeptInTheRawJson() {
    answer("/v3/singleuse/create",
        "{\"status\":{\"status\":\"OK\"},\"duplicate_found\":\"maybe\"}");

    CreateSingleUseUrlResponse response = client.singleUse().createSingleUseUrl(
        new CreateSingleUseUrlRequest().campaign("cam_1"));

    assertThat(response.getDuplicateFound()).isNull();
    assertThat(response.rawJson().orElseThrow().path("duplicate_found").asText())
        .isEqualTo("maybe");
  }

  @Test
  void numberThatIsNotANumberIsAbsentAndKeptInTheRawJson() {
    answer("/v3/smstool/grouplist", "{\"status\":{\"status\":\"OK\"},"
        + "\"amount_of_groups\":\"two\"}");

    ListSmsGroupsResponse response = client.smsGroups().listSmsGroups();

    assertThat(response.getAmountOfGroups()).isNull();
    assertThat(response.rawJson().orElseThrow().path("amount_of_groups").asText())
        .isEqualTo("two");
  }

  @Test
  void aShapeThatDoesNotFitIsUnexpectedResponseNamingTheField() {
    answer("/v3/smstool/grouplist", "{\"status\":{\"status\":\"OK\"},"
        + "\"group\":\"two\"}");

    UnexpectedResponseException error = catchThrowableOfType(UnexpectedResponseException.class,
        () -> client.smsGroups().listSmsGroups());

    assertThat(error).isNotNull();
    assertThat(error.httpStatus()).isEqualTo(200);
    assertThat(error.getMessage()).contains("listSmsGroups", "at group");
  }

  @Test
  void nestedValueThatCannotBeReadIsNamedByItsPath() {
    answer("/v3/smstool/grouplist", "{\"status\":{\"status\":\"OK\"},\"amount_of_groups\":2,"
        + "\"group\":[{\"ID\":\"gro_1\"},{\"ID\":{\"nested\":true}}]}");

    UnexpectedResponseException error = catchThrowableOfType(UnexpectedResponseException.class,
        () -> client.smsGroups().listSmsGroups());

    assertThat(error).isNotNull();
    assertThat(error.getMessage()).contains("listSmsGroups", "at group[1].ID");
  }

  private static void answer(String path, String body) {
    wireMock.stubFor(post(urlEqualTo(path)).willReturn(okJson(body)));
  }
}
