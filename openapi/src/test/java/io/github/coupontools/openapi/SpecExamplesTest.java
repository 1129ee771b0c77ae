package io.github.coupontools.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example of the contract is valid under the contract, checked by an independent validator
 * (Atlassian's swagger-request-validator, not Prism): request examples as requests of their
 * operation, response examples as responses of their status, webhook examples against their
 * schema, and the documentation's response captures in {@code spec/seed-responses/} as 200
 * responses of their operation.
 */
class SpecExamplesTest {

  private static Spec spec;
  /** Validates against the contract as written. */
  private static OpenApiInteractionValidator validator;
  /** Validates against the contract with each webhook added as a path /x-webhooks/NAME. */
  private static OpenApiInteractionValidator webhookValidator;

  @BeforeAll
  static void loadContract() {
    spec = Spec.load();
    validator = strict(OpenApiInteractionValidator.createFor(spec.path().toString()));
    webhookValidator = strict(
        OpenApiInteractionValidator.createForInlineApiSpecification(spec.withWebhooksAsPaths()));
  }

  /** Every message the validator emits counts: nothing is downgraded to INFO or ignored. */
  private static OpenApiInteractionValidator strict(OpenApiInteractionValidator.Builder builder) {
    // allOf members are merged before validating, so additionalProperties applies to the whole.
    return builder
        .withResolveCombinators(true)
        .withLevelResolver(LevelResolver.create()
            .withDefaultLevel(ValidationReport.Level.ERROR).build())
        .build();
  }

  @TestFactory
  @DisplayName("every named request example is a valid request of its operation")
  Stream<DynamicTest> requestExamplesAreValidRequests() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec.Operation op : spec.operations()) {
      op.requestExamples().forEach((name, value) -> tests.add(dynamicTest(
          op.operationId() + " request example '" + name + "'",
          () -> assertValid(validator.validateRequest(request(op, value)),
              op + " request example '" + name + "'"))));
    }
    assertThat(tests).as("request examples in the contract").isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  @DisplayName("every named response example is a valid response of its status")
  Stream<DynamicTest> responseExamplesAreValidResponses() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec.Operation op : spec.operations()) {
      for (Spec.Response response : op.responses().values()) {
        response.examples().forEach((name, value) -> tests.add(dynamicTest(
            op.operationId() + " " + response.status() + " example '" + name + "'",
            () -> assertValid(validator.validateResponse(op.examplePath(), method(op),
                    response(response.status(), value)),
                op + " " + response.status() + " example '" + name + "'"))));
      }
    }
    assertThat(tests).as("response examples in the contract").isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  @DisplayName("every webhook example is valid against its payload schema")
  Stream<DynamicTest> webhookExamplesAreValidPayloads() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec.Webhook webhook : spec.webhooks()) {
      assertThat(webhook.schema().path("$ref").asText())
          .as("x-webhooks." + webhook.name() + " request schema").isNotEmpty();
      assertThat(webhook.examples()).as("x-webhooks." + webhook.name() + " examples")
          .isNotEmpty();
      webhook.examples().forEach((name, value) -> tests.add(dynamicTest(
          "x-webhooks " + webhook.name() + " example '" + name + "'",
          () -> assertValid(
              webhookValidator.validateRequest(request(Spec.webhookPath(webhook), value)),
              "x-webhooks." + webhook.name() + " example '" + name + "'"))));
    }
    assertThat(tests).as("webhook examples in the contract").isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  @DisplayName("every webhook example validates against the WebhookEvent union and matches exactly"
      + " one alternative, its own")
  Stream<DynamicTest> webhookExamplesMatchOneAlternativeOfTheUnion() {
    JsonNode alternatives = spec.root().at("/components/schemas/WebhookEvent/oneOf");
    assertThat(alternatives.size()).as("alternatives of WebhookEvent").isEqualTo(7);
    ObjectNode copy = spec.root().deepCopy();
    ObjectNode paths = (ObjectNode) copy.get("paths");
    paths.set("/union", schemaPath("#/components/schemas/WebhookEvent"));
    List<String> names = new ArrayList<>();
    alternatives.forEach(alternative -> {
      String ref = alternative.path("$ref").asText();
      names.add(ref.substring(ref.lastIndexOf('/') + 1));
      paths.set("/alternative/" + names.get(names.size() - 1), schemaPath(ref));
    });
    OpenApiInteractionValidator unionValidator =
        strict(OpenApiInteractionValidator.createForInlineApiSpecification(Spec.text(copy)));
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec.Webhook webhook : spec.webhooks()) {
      String own = webhook.schema().path("$ref").asText()
          .replace("#/components/schemas/", "");
      webhook.examples().forEach((name, value) -> tests.add(dynamicTest(
          "x-webhooks " + webhook.name() + " example '" + name + "' → " + own, () -> {
            assertValid(unionValidator.validateRequest(request("/union", value)),
                "x-webhooks." + webhook.name() + " example '" + name + "' as a WebhookEvent");
            List<String> matching = names.stream().filter(alternative -> !unionValidator
                .validateRequest(request("/alternative/" + alternative, value)).hasErrors())
                .collect(Collectors.toList());
            assertThat(matching).as("alternatives of WebhookEvent matching x-webhooks.%s '%s'",
                webhook.name(), name).containsExactly(own);
          })));
    }
    assertThat(tests).as("documented webhook payloads").hasSize(7);
    return tests.stream();
  }

  private static ObjectNode schemaPath(String ref) {
    ObjectNode post = Spec.JSON.createObjectNode();
    post.putArray("security");
    ObjectNode media = post.putObject("requestBody").put("required", true)
        .putObject("content").putObject("application/json");
    media.putObject("schema").put("$ref", ref);
    post.putObject("responses").putObject("200").put("description", "ok");
    ObjectNode item = Spec.JSON.createObjectNode();
    item.set("post", post);
    return item;
  }

  @TestFactory
  @DisplayName("every documented response capture (spec/seed-responses) is a valid 200 response")
  Stream<DynamicTest> seedResponsesAreValidSuccessResponses() throws IOException {
    List<Path> seeds;
    try (Stream<Path> files = Files.list(Spec.testResource("seed-responses"))) {
      seeds = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
          .collect(Collectors.toList());
    }
    assertThat(seeds).as("files in spec/seed-responses/").isNotEmpty();
    return seeds.stream().map(seed -> {
      String operationId = seed.getFileName().toString().replaceFirst("\\.json$", "");
      return dynamicTest("seed-responses/" + operationId + ".json", () -> {
        Spec.Operation op = spec.operation(operationId);
        assertValid(validator.validateResponse(op.examplePath(), method(op),
            response(200, Spec.json(seed))), "seed-responses/" + seed.getFileName()
            + " as the 200 response of " + op);
      });
    });
  }

  /**
   * The validator is strict enough to catch an example of the wrong type: a copy of a success
   * example with one string turned into a number, and a request example with one string turned
   * into a number, are both reported. Guards the tests above against passing vacuously.
   */
  @Test
  void validatorRejectsAnExampleWithAWrongType() {
    Spec.Operation op = spec.operations().stream()
        .filter(o -> o.response(200).map(r -> firstStringProperty(r.examples().values()
            .iterator().next()) != null).orElse(false))
        .findFirst().orElseThrow();
    JsonNode broken = op.response(200).orElseThrow().examples().values().iterator().next()
        .deepCopy();
    String property = firstStringProperty(broken);
    ((ObjectNode) broken).put(property, 12345);

    ValidationReport report = validator.validateResponse(op.examplePath(), method(op),
        response(200, broken));

    assertThat(report.hasErrors())
        .as("%s 200 response with '%s' as a number: %s", op, property, report.getMessages())
        .isTrue();
    assertThat(report.getMessages()).anySatisfy(m -> assertThat(m.getMessage())
        .contains(property).containsIgnoringCase("type"));

    Spec.Operation withStringInRequest = spec.operations().stream()
        .filter(o -> !o.requestExamples().isEmpty()
            && firstStringProperty(o.firstRequestExample()) != null)
        .findFirst().orElseThrow();
    JsonNode brokenRequest = withStringInRequest.firstRequestExample().deepCopy();
    String requestProperty = firstStringProperty(brokenRequest);
    ((ObjectNode) brokenRequest).put(requestProperty, 12345);

    ValidationReport requestReport = validator.validateRequest(
        request(withStringInRequest, brokenRequest));

    assertThat(requestReport.hasErrors())
        .as("%s request with '%s' as a number: %s", withStringInRequest, requestProperty,
            requestReport.getMessages())
        .isTrue();
  }

  private static String firstStringProperty(JsonNode object) {
    if (object == null || !object.isObject()) {
      return null;
    }
    for (var field : object.properties()) {
      if (field.getValue().isTextual()) {
        return field.getKey();
      }
    }
    return null;
  }

  private static SimpleRequest request(String path, JsonNode body) {
    return credentials(SimpleRequest.Builder.post(path))
        .withContentType("application/json")
        .withBody(Spec.text(body))
        .build();
  }

  /** The operation's request: its method, the path with the parameter examples, the body. */
  private static SimpleRequest request(Spec.Operation op, JsonNode body) {
    SimpleRequest.Builder builder = new SimpleRequest.Builder(
        op.method().toUpperCase(java.util.Locale.ROOT), op.examplePath());
    if (body != null) {
      builder.withContentType("application/json").withBody(Spec.text(body));
    }
    return credentials(builder).build();
  }

  /** Both credential header pairs: v3 operations require X-Client-*, v4 loyalty x-api-*. */
  private static SimpleRequest.Builder credentials(SimpleRequest.Builder builder) {
    return builder.withHeader("X-Client-Id", "any-client-id")
        .withHeader("X-Client-Secret", "any-client-secret")
        .withHeader("x-api-key", "any-client-id")
        .withHeader("x-api-secret", "any-client-secret");
  }

  private static Request.Method method(Spec.Operation op) {
    return Request.Method.valueOf(op.method().toUpperCase(java.util.Locale.ROOT));
  }

  private static SimpleResponse response(int status, JsonNode body) {
    return SimpleResponse.Builder.status(status)
        .withContentType("application/json")
        .withBody(Spec.text(body))
        .build();
  }

  private static void assertValid(ValidationReport report, String what) {
    assertThat(report.getMessages())
        .as("%s is invalid under openapi/coupontools.yaml:%n%s", what,
            report.getMessages().stream().map(m -> "  " + m.getLevel() + " " + m.getKey() + ": "
                + m.getMessage() + " " + m.getNestedMessages()).collect(Collectors.joining("\n")))
        .filteredOn(m -> m.getLevel() != ValidationReport.Level.IGNORE)
        .isEmpty();
  }
}
