package io.github.coupontools.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The mock (Prism 5.14.2 started by {@link PrismMock#start()}, with {@code --errors}) serves every
 * named example of the contract on request, answers requests without credentials with the
 * documented authentication failure, answers invalid requests with the operation's first error
 * example, and tells an unknown route or example apart from a documented response.
 */
class PrismServesEveryExampleTest {

  private static final String PROBLEM_TYPES = "https://stoplight.io/prism/errors#";

  private static Spec spec;
  private static PrismMock mock;
  private static HttpClient http;

  @BeforeAll
  static void startMock() {
    spec = Spec.load();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    mock = PrismMock.start();
  }

  @AfterAll
  static void stopMock() {
    if (mock != null) {
      mock.close();
    }
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
              HttpResponse<String> answer = post(op.path(), op.firstRequestExample(), true,
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
      HttpResponse<String> answer = post(op.path(), op.firstRequestExample(), false, null);
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
  @DisplayName("a body without a required property → the first example of the operation's error"
      + " response (422; 400 for the barcode), with an sl-violations 'required' header")
  Stream<DynamicTest> answersAMissingRequiredPropertyWithTheFirstErrorExample() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec.Operation op : spec.operations()) {
      List<String> required = spec.required(op.requestSchema());
      if (required.isEmpty()) {
        continue;
      }
      String property = required.get(0);
      ObjectNode body = op.firstRequestExample().deepCopy();
      body.remove(property);
      tests.add(invalidRequestTest(op, body, "without required '" + property + "'", "required",
          property));
    }
    assertThat(tests).as("operations with a required request property").isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  @DisplayName("a body with a property of the wrong JSON type → the first example of the"
      + " operation's error response (422; 400 for the barcode), with an sl-violations 'type'"
      + " header")
  Stream<DynamicTest> answersAWrongTypeWithTheFirstErrorExample() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec.Operation op : spec.operations()) {
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
          + sent, "type", property.get()));
    }
    assertThat(tests).as("operations whose request example has a typed property").isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  @DisplayName("a body with a value outside an enum → the first example of the operation's error"
      + " response (422; 400 for the barcode), with an sl-violations 'enum' header")
  Stream<DynamicTest> answersAValueOutsideTheEnumWithTheFirstErrorExample() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec.Operation op : spec.operations()) {
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
          "enum", property.get()));
    }
    assertThat(tests).as("operations with an enum in the request").isNotEmpty();
    return tests.stream();
  }

  private DynamicTest invalidRequestTest(Spec.Operation op, JsonNode body, String change,
      String violation, String property) {
    Spec.Response expected = op.invalidRequestResponse().orElseThrow(() -> new AssertionError(
        op + " documents neither 422 nor 400: Prism would answer its own problem+json"));
    Map.Entry<String, JsonNode> first = expected.examples().entrySet().iterator().next();
    return dynamicTest(op.operationId() + " " + change + " → " + expected.status() + " '"
        + first.getKey() + "'", () -> {
          HttpResponse<String> answer = post(op.path(), body, true, null);
          String what = op + " " + change;
          assertThat(answer.statusCode()).as("status of %s%s", what, details(answer))
              .isEqualTo(expected.status());
          assertJson(answer, first.getValue(), what);
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
  @DisplayName("Prefer: example=doesNotExist → 404 problem+json NOT_FOUND naming the example"
      + " (looks like a real 404 by status alone)")
  void answersAnUnknownExampleWithAProblem404() throws Exception {
    Spec.Operation op = spec.operations().get(0);

    HttpResponse<String> answer = post(op.path(), op.firstRequestExample(), true,
        "example=doesNotExist");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonNode problem = Spec.json(answer.body());
    assertThat(problem.path("type").asText()).isEqualTo(PROBLEM_TYPES + "NOT_FOUND");
    assertThat(problem.path("detail").asText())
        .isEqualTo("Response for contentType: application/json and exampleKey: doesNotExist"
            + " does not exist.");
    assertThat(problem.has("status") && !problem.path("status").isObject())
        .as("a problem, not the Coupontools status envelope: %s", problem).isTrue();
  }

  @Test
  @DisplayName("Prefer: code=422, example=doesNotExist → 500 problem+json UNKNOWN (Prism falls"
      + " back to the default response and fails)")
  void answersAnUnknownErrorExampleWithAProblem500() throws Exception {
    Spec.Operation op = spec.operations().stream().filter(o -> o.response(422).isPresent())
        .findFirst().orElseThrow();

    HttpResponse<String> answer = post(op.path(), op.firstRequestExample(), true,
        "code=422, example=doesNotExist");

    assertThat(answer.statusCode()).as("%s%s", op, details(answer)).isEqualTo(500);
    assertThat(answer.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonNode problem = Spec.json(answer.body());
    assertThat(problem.path("type").asText()).isEqualTo(PROBLEM_TYPES + "UNKNOWN");
    assertThat(problem.path("title").asText()).contains(PROBLEM_TYPES + "NOT_FOUND");
  }

  @Test
  @DisplayName("Prefer: code=499 (undocumented status) → 404 problem+json NOT_FOUND naming the"
      + " status")
  void answersAnUndocumentedStatusWithAProblem404() throws Exception {
    Spec.Operation op = spec.operations().get(0);

    HttpResponse<String> answer = post(op.path(), op.firstRequestExample(), true, "code=499");

    assertThat(answer.statusCode()).isEqualTo(404);
    JsonNode problem = Spec.json(answer.body());
    assertThat(problem.path("type").asText()).isEqualTo(PROBLEM_TYPES + "NOT_FOUND");
    assertThat(problem.path("detail").asText())
        .isEqualTo("Requested status code 499 is not defined in the document.");
  }

  @Test
  @DisplayName("without a Prefer header a valid request gets the first 200 example")
  void answersAValidRequestWithTheFirstSuccessExample() throws Exception {
    for (Spec.Operation op : spec.operations()) {
      HttpResponse<String> answer = post(op.path(), op.firstRequestExample(), true, null);
      assertThat(answer.statusCode()).as("status of %s%s", op, details(answer)).isEqualTo(200);
      assertJson(answer, op.response(200).orElseThrow().examples().values().iterator().next(),
          op + " without Prefer");
    }
  }

  private static HttpResponse<String> post(String path, JsonNode body, boolean credentials,
      String prefer) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Spec.text(body)));
    if (credentials) {
      request.header("X-Client-Id", PrismMock.CLIENT_ID)
          .header("X-Client-Secret", PrismMock.CLIENT_SECRET);
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
