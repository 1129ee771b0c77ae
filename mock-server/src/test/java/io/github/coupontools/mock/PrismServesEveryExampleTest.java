package io.github.coupontools.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.coupontools.openapi.Spec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mock (Prism's engine with {@code coupontools-mock.js}, started by {@link PrismMock#start()})
 * serves every named example of the contract on request, answers requests without credentials
 * with the documented authentication failure, answers an invalid request with the documented
 * error of the property that is wrong (or the API's generic parameter error when none is
 * documented for it), and tells an unknown route or example apart from a documented response.
 */
@ExtendWith(CouponToolsMockExtension.class)
class PrismServesEveryExampleTest {

  private static final String PROBLEM_TYPES = "https://stoplight.io/prism/errors#";

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
  @DisplayName("Prefer: code=STATUS, example=NAME serves every named example of every operation")
  Stream<DynamicTest> servesEveryNamedExample() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec.Operation op : spec.operations()) {
      for (Spec.Response response : op.responses().values()) {
        response.examples().forEach((name, value) -> tests.add(dynamicTest(
            op.operationId() + " " + response.status() + " '" + name + "'", () -> {
              String prefer = "code=" + response.status() + ", example=" + name;
              HttpResponse<String> answer = send(op, op.firstRequestExampleOrNull(), true,
                  prefer);
              String what = op + " with Prefer: " + prefer;
              assertThat(answer.statusCode()).as("status of %s%s", what, details(answer))
                  .isEqualTo(response.status());
              assertThat(answer.headers().firstValue("sl-violations"))
                  .as("sl-violations of %s", what).isEmpty();
              assertJson(answer, value, what);
            })));
      }
    }
    assertThat(tests).as("examples in the contract").isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  @DisplayName("without X-Client-Id / X-Client-Secret every operation answers 401 with the"
      + " documented auth failure (error_code 1000)")
  Stream<DynamicTest> answersMissingCredentialsWithTheDocumentedAuthFailure() {
    return spec.operations().stream().map(op -> dynamicTest(op.toString(), () -> {
      HttpResponse<String> answer = send(op, op.firstRequestExampleOrNull(), false, null);
      Spec.Response unauthorized = op.response(401)
          .orElseThrow(() -> new AssertionError(op + " documents no 401 response"));
      JsonNode documented = unauthorized.examples().values().iterator().next();

      assertThat(answer.statusCode()).as("status of %s without credentials%s", op,
          details(answer)).isEqualTo(401);
      assertJson(answer, documented, op + " without credentials");
      assertThat(Spec.json(answer.body()).at("/status/errors/error_code").asInt()).isEqualTo(1000);
      assertThat(answer.headers().firstValue("sl-violations")).as("sl-violations")
          .hasValueSatisfying(v -> assertThat(v).contains("Invalid security scheme used"));
    }));
  }

  @TestFactory
  @DisplayName("a body without a required property → the documented 'missing' error of that"
      + " property, else 200 'Missing parameter: X' (422; 400 for the barcode)")
  Stream<DynamicTest> answersAMissingRequiredPropertyWithItsDocumentedError() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec.Operation op : spec.operations()) {
      if (!hasDocumentedErrors(op)) {
        continue;
      }
      List<String> required = spec.required(op.requestSchema());
      if (required.isEmpty()) {
        continue;
      }
      String property = required.get(0);
      ObjectNode body = op.firstRequestExample().deepCopy();
      body.remove(property);
      tests.add(invalidRequestTest(op, body, "without required '" + property + "'", "required",
          property, true));
    }
    assertThat(tests).as("operations with a required request property").isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  @DisplayName("a body with a property of the wrong JSON type → the documented 'invalid' error of"
      + " that property, else 301 'Invalid character in parameter: X' (422; 400 for the barcode)")
  Stream<DynamicTest> answersAWrongTypeWithItsDocumentedError() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec.Operation op : spec.operations()) {
      if (!hasDocumentedErrors(op)) {
        continue;
      }
      Map<String, JsonNode> properties = spec.properties(op.requestSchema());
      ObjectNode body = op.firstRequestExample().deepCopy();
      Optional<String> property = properties.entrySet().stream()
          .filter(p -> body.has(p.getKey()) && p.getValue().has("type"))
          .map(Map.Entry::getKey).findFirst();
      if (property.isEmpty()) {
        continue;
      }
      String type = properties.get(property.get()).get("type").asText();
      String sent;
      if (type.equals("string")) {
        body.put(property.get(), 12345);
        sent = "the number 12345";
      } else {
        body.put(property.get(), "not-a-" + type);
        sent = "the string \"not-a-" + type + "\"";
      }
      tests.add(invalidRequestTest(op, body, "with '" + property.get() + "' (" + type + ") as "
          + sent, "type", property.get(), false));
    }
    assertThat(tests).as("operations whose request example has a typed property").isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  @DisplayName("a body with a value outside an enum → the documented 'invalid' error of that"
      + " property, else 302 'Invalid value in parameter: X' (422; 400 for the barcode)")
  Stream<DynamicTest> answersAValueOutsideTheEnumWithItsDocumentedError() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec.Operation op : spec.operations()) {
      if (!hasDocumentedErrors(op)) {
        continue;
      }
      Optional<String> property = spec.properties(op.requestSchema()).entrySet().stream()
          .filter(p -> p.getValue().has("enum") && "string".equals(p.getValue().path("type")
              .asText()))
          .map(Map.Entry::getKey).findFirst();
      if (property.isEmpty()) {
        continue;
      }
      ObjectNode body = op.firstRequestExample().deepCopy();
      body.put(property.get(), "notInTheEnum");
      tests.add(invalidRequestTest(op, body, "with '" + property.get() + "': \"notInTheEnum\"",
          "enum", property.get(), false));
    }
    assertThat(tests).as("operations with an enum in the request").isNotEmpty();
    return tests.stream();
  }

  private DynamicTest invalidRequestTest(Spec.Operation op, JsonNode body, String change,
      String violation, String property, boolean missing) {
    // An operation that documents no error of its own still gets the API's generic parameter
    // error, on 422 like every v3 validation error.
    Spec.Response expected = op.invalidRequestResponse()
        .orElse(new Spec.Response(422, null, Map.of()));
    return dynamicTest(op.operationId() + " " + change + " → " + expected.status()
        + (missing ? " missing " : " invalid ") + "'" + property + "'", () -> {
          HttpResponse<String> answer = send(op, body, true, null);
          String what = op + " " + change;
          assertThat(answer.statusCode()).as("status of %s%s", what, details(answer))
              .isEqualTo(expected.status());
          JsonNode actual = Spec.json(answer.body());
          Spec.ErrorExample served = Spec.ErrorExample.of(op, expected, "served", actual);
          assertThat(served.codes()).as("codes of %s: %s", what, answer.body()).hasSize(1)
              .allSatisfy(code -> assertThat(code).as("code of %s", what)
                  .satisfies(c -> assertThat(missing ? isMissingClass(c) : isInvalidClass(c))
                      .as("%s is a %s parameter error", c, missing ? "missing" : "invalid")
                      .isTrue()));
          Optional<Spec.ErrorExample> documented = op.errorExamples().stream()
              .filter(e -> Spec.jsonEquals(e.value(), actual)).findFirst();
          if (documented.isPresent()) {
            assertThat(isAbout(op, documented.get(), property))
                .as("%s was answered with %s, which is not about '%s'", what, documented.get(),
                    property).isTrue();
          } else {
            assertThat(served.messages()).as("generic error of %s", what).singleElement()
                .satisfies(m -> assertThat(m).endsWith(": " + property));
            assertThat(op.errorExamples()).as("documented errors about '%s' of %s", property, op)
                .noneMatch(e -> isAbout(op, e, property) && e.codes().stream()
                    .allMatch(c -> missing ? isMissingClass(c) : isInvalidClass(c)));
          }
          assertThat(answer.headers().firstValue("sl-violations"))
              .as("sl-violations of %s", what)
              .hasValueSatisfying(header -> {
                JsonNode violations = Spec.json(header);
                assertThat(violations).as("violations %s", header).anySatisfy(v -> {
                  assertThat(v.path("code").asText()).isEqualTo(violation);
                  assertThat(v.toString()).contains(property);
                });
              });
        });
  }

  private static boolean isMissingClass(int code) {
    return code == 200 || code == 400;
  }

  private static boolean isInvalidClass(int code) {
    return code >= 300 && code <= 349 || code == 400;
  }

  /**
   * Whether a documented error is about a property: its message names it, or the property (or,
   * for a property only a rule between properties asks for, the request schema) lists it in
   * x-coupontools-errors.
   */
  private boolean isAbout(Spec.Operation op, Spec.ErrorExample example, String property) {
    Pattern word = Pattern.compile(
        "(^|[^a-z0-9_])" + Pattern.quote(property.toLowerCase()) + "([^a-z0-9_]|$)");
    if (example.messages().stream().anyMatch(m -> word.matcher(m.toLowerCase()).find())) {
      return true;
    }
    JsonNode schema = spec.properties(op.requestSchema()).get(property);
    List<JsonNode> naming = new ArrayList<>();
    naming.add(schema == null ? Spec.JSON.createObjectNode() : schema);
    if (!spec.required(op.requestSchema()).contains(property)) {
      naming.add(op.requestSchema());
    }
    for (JsonNode named : naming) {
      for (JsonNode name : named.path("x-coupontools-errors")) {
        if (name.asText().equals(example.name())) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  @DisplayName("an unknown path → 404 problem+json NO_PATH_MATCHED_ERROR")
  void answersAnUnknownPathWithAProblem404() throws Exception {
    HttpResponse<String> answer = post("/v3/coupon/doesNotExist", Spec.json("{}"), true, null);

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonNode problem = Spec.json(answer.body());
    assertThat(problem.path("type").asText()).isEqualTo(PROBLEM_TYPES + "NO_PATH_MATCHED_ERROR");
    assertThat(problem.path("detail").asText()).contains("/v3/coupon/doesNotExist");
  }

  @Test
  @DisplayName("Prefer: example=doesNotExist → 404 problem+json NOT_FOUND naming the example and"
      + " the names there are (looks like a real 404 by status alone)")
  void answersAnUnknownExampleWithAProblem404() throws Exception {
    Spec.Operation op = spec.operations().get(0);

    HttpResponse<String> answer = send(op, op.firstRequestExampleOrNull(), true,
        "example=doesNotExist");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonNode problem = Spec.json(answer.body());
    assertThat(problem.path("type").asText()).isEqualTo(PROBLEM_TYPES + "NOT_FOUND");
    assertThat(problem.path("detail").asText())
        .isEqualTo("Prefer: the HTTP 200 response of listCoupons has no example named"
            + " 'doesNotExist'; its examples: success (error examples need code=<status> as"
            + " well).");
    assertThat(problem.has("status") && !problem.path("status").isObject())
        .as("a problem, not the Coupontools status envelope: %s", problem).isTrue();
  }

  @Test
  @DisplayName("Prefer: code=422, example=doesNotExist → 404 problem+json NOT_FOUND listing the"
      + " operation's error examples")
  void answersAnUnknownErrorExampleWithAProblem404() throws Exception {
    Spec.Operation op = spec.operations().stream().filter(o -> o.response(422).isPresent())
        .findFirst().orElseThrow();

    HttpResponse<String> answer = send(op, op.firstRequestExampleOrNull(), true,
        "code=422, example=doesNotExist");

    assertThat(answer.statusCode()).as("%s%s", op, details(answer)).isEqualTo(404);
    assertThat(answer.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonNode problem = Spec.json(answer.body());
    assertThat(problem.path("type").asText()).isEqualTo(PROBLEM_TYPES + "NOT_FOUND");
    assertThat(problem.path("detail").asText()).isEqualTo("Prefer: the HTTP 422 response of "
        + op.operationId() + " has no example named 'doesNotExist'; its examples: "
        + String.join(", ", op.response(422).orElseThrow().examples().keySet()) + ".");
  }

  @Test
  @DisplayName("Prefer: code=499 (undocumented status) → 404 problem+json NOT_FOUND naming the"
      + " status")
  void answersAnUndocumentedStatusWithAProblem404() throws Exception {
    Spec.Operation op = spec.operations().get(0);

    HttpResponse<String> answer = send(op, op.firstRequestExampleOrNull(), true, "code=499");

    assertThat(answer.statusCode()).isEqualTo(404);
    JsonNode problem = Spec.json(answer.body());
    assertThat(problem.path("type").asText()).isEqualTo(PROBLEM_TYPES + "NOT_FOUND");
    assertThat(problem.path("detail").asText())
        .isEqualTo("Prefer: listCoupons documents no HTTP 499 response; documented: 200, 401,"
            + " 422.");
  }

  @Test
  @DisplayName("without a Prefer header a valid request gets the first 200 example")
  void answersAValidRequestWithTheFirstSuccessExample() throws Exception {
    for (Spec.Operation op : spec.operations()) {
      HttpResponse<String> answer = send(op, op.firstRequestExampleOrNull(), true, null);
      assertThat(answer.statusCode()).as("status of %s%s", op, details(answer)).isEqualTo(200);
      assertJson(answer, op.response(200).orElseThrow().examples().values().iterator().next(),
          op + " without Prefer");
    }
  }

  /**
   * Whether the operation documents parameter errors (every v3 operation); the v4 REST error
   * format is not documented, so the mock invents no Coupontools error for those.
   */
  private static boolean hasDocumentedErrors(Spec.Operation op) {
    return op.errorExamples().stream().anyMatch(e -> !e.isShared());
  }

  @TestFactory
  @DisplayName("an invalid request of a v4 REST operation (undocumented errors) → its 422, without"
      + " an invented Coupontools error envelope")
  Stream<DynamicTest> answersAnInvalidV4RequestWithoutAnInventedEnvelope() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec.Operation op : spec.operations()) {
      boolean undocumentedErrorFormat = op.responses().values().stream().anyMatch(
          r -> r.status() >= 400 && r.status() != 401 && r.examples().isEmpty());
      if (hasDocumentedErrors(op) || !undocumentedErrorFormat
          || spec.required(op.requestSchema()).isEmpty()) {
        continue;
      }
      tests.add(dynamicTest(op.toString(), () -> {
        HttpResponse<String> answer = send(op, Spec.json("{}"), true, null);
        assertThat(answer.statusCode()).as("status of %s%s", op, details(answer)).isEqualTo(422);
        assertThat(answer.headers().firstValue("x-coupontools-mock-error")).isEmpty();
        assertThat(answer.body()).doesNotContain("error_code");
        assertThat(answer.headers().firstValue("sl-violations")).as("sl-violations")
            .hasValueSatisfying(v -> assertThat(v).contains("required"));
      }));
    }
    assertThat(tests).as("v4 operations with a required request property").isNotEmpty();
    return tests.stream();
  }

  /** The operation's method at its example path, with the body if it takes one. */
  private static HttpResponse<String> send(Spec.Operation op, JsonNode body, boolean credentials,
      String prefer) throws IOException, InterruptedException {
    return request(op.method().toUpperCase(java.util.Locale.ROOT), op.examplePath(),
        op.hasRequestBody() ? body : null, credentials, prefer);
  }

  private static HttpResponse<String> post(String path, JsonNode body, boolean credentials,
      String prefer) throws IOException, InterruptedException {
    return request("POST", path, body, credentials, prefer);
  }

  private static HttpResponse<String> request(String method, String path, JsonNode body,
      boolean credentials, String prefer) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
        .timeout(Duration.ofSeconds(10));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(Spec.text(body)));
    }
    if (credentials) {
      // Both pairs: v3 operations require X-Client-*, the v4 loyalty ones x-api-*.
      request.header("X-Client-Id", PrismMock.CLIENT_ID)
          .header("X-Client-Secret", PrismMock.CLIENT_SECRET)
          .header("x-api-key", PrismMock.CLIENT_ID)
          .header("x-api-secret", PrismMock.CLIENT_SECRET);
    }
    if (prefer != null) {
      request.header("Prefer", prefer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertJson(HttpResponse<String> answer, JsonNode expected, String what) {
    JsonNode actual = Spec.json(answer.body());
    assertThat(Spec.jsonEquals(actual, expected))
        .as("body of %s:%n  expected %s%n  but was  %s", what, Spec.text(expected), answer.body())
        .isTrue();
  }

  private static String details(HttpResponse<String> answer) {
    return System.lineSeparator() + "  body: " + answer.body() + System.lineSeparator()
        + "  sl-violations: " + answer.headers().firstValue("sl-violations").orElse("(none)")
        + System.lineSeparator() + "  Prism log: " + mock.recentLog();
  }
}
