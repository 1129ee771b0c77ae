package io.github.coupontools.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.coupontools.openapi.Spec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mock accepts what the documentation shows or allows, and answers a bad request with the
 * documented error of the field that is wrong: every request body of the documentation captures
 * ({@code spec/seed-requests.json}, transcribed verbatim) gets a 2xx, so does each variant the
 * documentation allows, and each invalid body gets the documented error of its violated field (or
 * the API's generic parameter error where none is documented), never an unrelated code.
 */
@ExtendWith(CouponToolsMockExtension.class)
class DocumentedTrafficTest {

  private static Spec spec;
  private static PrismMock mock;
  private static HttpClient http;

  /** The run's one mock, shared with the other classes and stopped by the extension. */
  @BeforeAll
  static void useMock(PrismMock runMock) {
    spec = Spec.load();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    mock = runMock;
  }

  @TestFactory
  @DisplayName("every request body of the documentation captures, sent verbatim → 2xx")
  Stream<DynamicTest> everySeedRequestBodyIsAccepted() {
    JsonNode seeds = Spec.json(Spec.testResource("seed-requests.json"));
    List<DynamicTest> tests = new ArrayList<>();
    seeds.forEach(seed -> tests.add(dynamicTest(seed.path("path").asText() + " "
        + Spec.text(seed.path("body")) + " (seed " + seed.path("seed").asText() + ")", () ->
        assertAccepted(seed.path("path").asText(), seed.path("body")))));
    assertThat(tests).as("seed request bodies").hasSizeGreaterThanOrEqualTo(24);
    return tests.stream();
  }

  /** Path and body of each variant the documentation shows or allows (issue 10). */
  static final List<String[]> ALLOWED_VARIANTS = List.of(
      new String[] {"/v3/multiplesingleuse/create", "{\"campaign\":\"cam_123456\",\"amount\":10}"},
      new String[] {"/v3/multiplesingleuse/create", "{\"campaign\":\"cam_123456\",\"amount\":\"10\"}"},
      new String[] {"/v3/multiplesingleuse/create",
          "{\"campaign\":\"cam_123456\",\"automated_codes\":true,\"code_length\":3}"},
      new String[] {"/v3/multiplesingleuse/create",
          "{\"campaign\":\"cam_123456\",\"automated_codes\":true,\"code_length\":\"30\"}"},
      new String[] {"/v3/campaign/data", "{\"campaign\":\"cam_123456\",\"page\":\"2\"}"},
      new String[] {"/v3/campaign/validations", "{\"campaign\":\"cam_123456\",\"page\":2}"},
      new String[] {"/v3/batch/update",
          "{\"campaign\":\"cam_123456\",\"startsequence\":1000000,\"operation\":\"void\"}"},
      new String[] {"/v3/coupon/create", "{\"template\":\"cam_123456\",\"amount_limitation\":\"5\","
          + "\"code_length\":\"12\",\"logo_image\":\"logo.png\",\"background_color\":\"000000\"}"},
      new String[] {"/v3/coupon/create", "{\"template\":\"tpl_abc\"}"},
      new String[] {"/v3/couponsession/update",
          "{\"couponsession\":\"ac6s7u\",\"operation\":\"validate\",\"money_spent\":12.5}"},
      new String[] {"/v3/couponsession/update",
          "{\"couponsession\":\"ac6s7u3g8a25ja7x9qg87\",\"money_spent\":\"12.12345\"}"},
      new String[] {"/v3/coupon/list", "{\"category\":\"cat_Xy-1\"}"},
      new String[] {"/v3/coupon/info", "{\"campaign\":\"cam_123456\",\"show_usage_stats\":true}"},
      new String[] {"/v3/send/sms", "{\"campaign\":\"cam_123456\",\"phone\":\"447911123456\"}"},
      new String[] {"/v3/send/sms", "{\"campaign\":\"dir_12345\",\"phone\":\"+447911123456\"}"},
      new String[] {"/v3/send/email", "{\"campaign\":\"dir_12345\",\"email\":\"john@doe.com\"}"},
      new String[] {"/v3/smstool/addcontact", "{\"smsgroup\":\"gro_12345\",\"phone\":\"447911123456\"}"},
      new String[] {"/v3/smstool/grouplist", "{\"client_id\":\"XXX\",\"client_secret\":\"YYY\"}"},
      new String[] {"/v3/emailtool/grouplist", "{\"client_id\":\"XXX\",\"client_secret\":\"YYY\"}"},
      new String[] {"/v3/singleuse/create", "{\"campaign\":\"cam_123456\",\"email\":\"john at doe\"}"});

  @TestFactory
  @DisplayName("each variant the documentation shows or allows → 2xx")
  Stream<DynamicTest> everyAllowedVariantIsAccepted() {
    return ALLOWED_VARIANTS.stream().map(v -> dynamicTest(v[0] + " " + v[1],
        () -> assertAccepted(v[0], Spec.json(v[1]))));
  }

  /**
   * Path, invalid body, and the expected answer: the name of a documented error example of the
   * operation, or "generic CODE" for the API's generic parameter error naming the field.
   */
  static final List<String[]> INVALID_BODIES = List.of(
      new String[] {"/v3/coupon/list", "{\"category\":\"5\"}", "generic 301"},
      new String[] {"/v3/coupon/info", "{}", "missingCampaign"},
      new String[] {"/v3/coupon/info", "{\"campaign\":\"abc\"}", "invalidCampaign"},
      new String[] {"/v3/coupon/create", "{}", "missingParameter"},
      new String[] {"/v3/coupon/create", "{\"template\":\"t\",\"amount_limitation\":\"x\"}",
          "notAPositiveNumber"},
      new String[] {"/v3/coupon/create", "{\"template\":\"t\",\"amount_limitation\":0}",
          "notAPositiveNumber"},
      new String[] {"/v3/coupon/create", "{\"template\":\"t\",\"expiry_date\":\"soon\"}",
          "invalidExpiryDate"},
      new String[] {"/v3/coupon/create", "{\"template\":\"t\",\"start_date\":\"soon\"}",
          "invalidStartDate"},
      new String[] {"/v3/campaign/data", "{\"campaign\":\"cam_1\",\"page\":\"x\"}", "invalidPage"},
      new String[] {"/v3/campaign/opens", "{\"campaign\":\"cam_1\",\"start_date\":\"jan\"}",
          "startDateWrongFormat"},
      new String[] {"/v3/campaign/claims", "{\"campaign\":\"cam_1\",\"end_date\":\"jan\"}",
          "endDateWrongFormat"},
      new String[] {"/v3/campaign/validations", "{}", "missingCampaign"},
      new String[] {"/v3/couponsession/data", "{}", "missingCouponsession"},
      new String[] {"/v3/couponsession/update", "{\"couponsession\":\"a-b\"}", "invalidCouponsession"},
      new String[] {"/v3/couponsession/update", "{\"couponsession\":\"abc\",\"operation\":\"eat\"}",
          "invalidOperation"},
      new String[] {"/v3/couponsession/update", "{\"couponsession\":\"abc\",\"customid\":\"a b\"}",
          "invalidCustomid"},
      new String[] {"/v3/couponsession/update", "{\"couponsession\":\"abc\",\"money_spent\":\"1,5\"}",
          "generic 301"},
      new String[] {"/v3/batch/update", "{\"campaign\":\"cam_1\"}", "missingSequence"},
      new String[] {"/v3/batch/update", "{\"campaign\":\"cam_1\",\"startsequence\":\"12a\"}",
          "sequenceNotNumeric"},
      new String[] {"/v3/batch/update",
          "{\"campaign\":\"cam_1\",\"startsequence\":\"1\",\"operation\":\"eat\"}", "invalidStatus"},
      new String[] {"/v3/couponsession/search", "{}", "noFilter"},
      new String[] {"/v3/couponsession/search", "{\"code\":\"abc\"}", "codeTooShort"},
      new String[] {"/v3/couponsession/search", "{\"phone\":\"123\"}", "phoneTooShort"},
      new String[] {"/v3/singleuse/remove", "{\"couponsession\":\"abc\"}", "missingCampaign"},
      new String[] {"/v3/couponsession/barcode", "{\"couponsession\":\"abc\"}", "missingType"},
      new String[] {"/v3/couponsession/barcode", "{\"couponsession\":\"abc\",\"type\":\"png\"}",
          "unsupportedType"},
      new String[] {"/v3/couponsession/barcode", "{\"type\":\"qrcode\"}", "missingCouponsession"},
      new String[] {"/v3/singleuse/create", "{}", "missingCampaign"},
      new String[] {"/v3/multiplesingleuse/create", "{\"campaign\":\"cam_1\",\"amount\":\"ten\"}",
          "invalidAmount"},
      new String[] {"/v3/multiplesingleuse/create", "{\"campaign\":\"cam_1\",\"code_length\":2}",
          "invalidCodeLength"},
      new String[] {"/v3/multiplesingleuse/create", "{\"campaign\":\"cam_1\",\"code_type\":\"hex\"}",
          "invalidCodeType"},
      new String[] {"/v3/multiplesingleuse/create", "{\"campaign\":\"cam_1\",\"status\":\"on\"}",
          "invalidStatus"},
      new String[] {"/v3/send/email", "{\"email\":\"john@doe.com\"}", "missingCampaign"},
      new String[] {"/v3/send/email", "{\"campaign\":\"cam_1\",\"email\":\"john\"}", "invalidEmail"},
      new String[] {"/v3/send/sms", "{\"campaign\":\"cam_1\",\"phone\":\"call me\"}", "invalidPhone"},
      new String[] {"/v3/coupon/pushnotification/list", "{\"campaign\":\"cam_1\"}", "generic 200"},
      new String[] {"/v3/coupon/pushnotification/single", "{\"campaign\":\"cam_1\",\"message\":\"m\"}",
          "generic 200"},
      new String[] {"/v3/smstool/userlist", "{}", "missingSmsgroup"},
      new String[] {"/v3/smstool/userlist", "{\"smsgroup\":\"12\"}", "invalidSmsgroup"},
      new String[] {"/v3/smstool/addgroup", "{}", "generic 200"},
      new String[] {"/v3/smstool/addcontact", "{\"smsgroup\":\"gro_1\"}", "missingPhone"},
      new String[] {"/v3/smstool/addcontact",
          "{\"smsgroup\":\"gro_1\",\"phone\":\"+4479\",\"birthday\":\"1.1.1980\"}", "invalidBirthday"},
      new String[] {"/v3/emailtool/userlist", "{}", "missingEmailgroup"},
      new String[] {"/v3/emailtool/addgroup", "{}", "generic 200"},
      new String[] {"/v3/emailtool/addcontact", "{\"emailgroup\":\"gro_1\"}", "missingEmail"},
      new String[] {"/v4/webhook/verification", "{}", "missingWebhook"},
      new String[] {"/v3/webhook/verification", "{}", "generic 200"},
      new String[] {"/v3/subaccount/sso", "{}", "missingSubaccount"},
      new String[] {"/v3/subaccount/sso", "{\"subaccount\":\"sub_x\"}", "invalidSubaccount"},
      new String[] {"/v3/subaccount/sso", "{\"subaccount\":\"sub_1\",\"page\":\"update_campaign\"}",
          "generic 200"},
      new String[] {"/v3/singleuse/create",
          "{\"campaign\":\"cam_1\",\"customvalcode\":\"A1\",\"autovalcode\":\"6digits\"}",
          "generic 300"});

  @TestFactory
  @DisplayName("an invalid body → the documented error of the violated field (or the generic"
      + " parameter error), never a code outside 200-349 / 400")
  Stream<DynamicTest> invalidBodiesGetTheErrorOfTheViolatedField() {
    return INVALID_BODIES.stream().map(c -> dynamicTest(c[0] + " " + c[1] + " → " + c[2], () -> {
      Spec.Operation op = spec.operations().stream().filter(o -> o.path().equals(c[0]))
          .findFirst().orElseThrow();
      HttpResponse<String> answer = post(c[0], Spec.json(c[1]));
      JsonNode body = Spec.json(answer.body());
      Spec.Response rejected = op.invalidRequestResponse().orElseThrow();
      assertThat(answer.statusCode()).as("status of %s: %s", c[1], answer.body())
          .isEqualTo(rejected.status());
      Spec.ErrorExample served = Spec.ErrorExample.of(op, rejected, "served", body);
      assertThat(served.codes()).as("codes of %s", answer.body()).singleElement()
          .satisfies(code -> assertThat(code >= 200 && code <= 349 || code == 400)
              .as("code %s is a parameter error", code).isTrue());
      if (c[2].startsWith("generic ")) {
        assertThat(served.codes()).containsExactly(Integer.parseInt(c[2].substring(8)));
        assertThat(served.messages()).singleElement()
            .satisfies(m -> assertThat(m).matches("(Missing|Invalid (character|value) in)"
                + " parameter: [a-z_]+(, [a-z_]+)*"));
        assertThat(answer.headers().firstValue("x-coupontools-mock-error")).hasValue("generic");
      } else {
        JsonNode expected = rejected.examples().get(c[2]);
        assertThat(expected).as("%s documents no example '%s'", op, c[2]).isNotNull();
        assertThat(Spec.jsonEquals(body, expected))
            .as("%s answered%n  %s%n  expected '%s': %s", c[1], answer.body(), c[2],
                Spec.text(expected)).isTrue();
      }
    }));
  }

  private static void assertAccepted(String path, JsonNode body) throws Exception {
    HttpResponse<String> answer = post(path, body);
    assertThat(answer.statusCode()).as("%s %s answered %s%n  %s%n  sl-violations: %s", path,
        Spec.text(body), answer.statusCode(), answer.body(),
        answer.headers().firstValue("sl-violations").orElse("(none)")).isBetween(200, 299);
    assertThat(answer.headers().firstValue("sl-violations")).as("sl-violations").isEmpty();
  }

  private static HttpResponse<String> post(String path, JsonNode body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("X-Client-Id", PrismMock.CLIENT_ID)
        .header("X-Client-Secret", PrismMock.CLIENT_SECRET)
        .POST(HttpRequest.BodyPublishers.ofString(Spec.text(body)))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
