package io.github.coupontools.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The facts the SDK generates its operation descriptors from are consistent: the status envelope
 * is declared ({@code x-implements}) exactly on the response schemas that carry it, reads are
 * marked read-only, every path parameter has the example the mock-backed tests call with, the
 * range a request number repeats for generators ({@code x-coupontools-range}) is its numeric
 * branch's and a sequence ID's pattern ({@code x-coupontools-pattern}) its string branch's, the
 * rules between fields it repeats ({@code x-coupontools-field-rules}) are its {@code anyOf} and
 * {@code not}, and what the documentation calls a secret is {@code format: password}, the mark
 * the SDK's models read to never print a value.
 */
class RestConventionsTest {

  private static final String ENVELOPE = "io.github.coupontools.sdk.internal.StatusEnvelope";
  private final Spec spec = Spec.load();

  /** The contract's named schemas, name and schema. */
  private java.util.Set<Map.Entry<String, JsonNode>> schemas() {
    return spec.root().at("/components/schemas").properties();
  }

  @Test
  void exactlyTheSchemasWithTheStatusEnvelopeImplementStatusEnvelope() {
    List<String> carrying = new ArrayList<>();
    List<String> declaring = new ArrayList<>();
    for (Map.Entry<String, JsonNode> schema : schemas()) {
      String ref = schema.getValue().at("/properties/status/$ref").asText();
      if (ref.equals("#/components/schemas/Status")
          || ref.equals("#/components/schemas/UpdateCouponSessionStatus")) {
        carrying.add(schema.getKey());
      }
      for (JsonNode type : schema.getValue().path("x-implements")) {
        if (type.asText().equals(ENVELOPE)) {
          declaring.add(schema.getKey());
        }
      }
    }
    assertThat(carrying).as("response schemas with the status envelope").isNotEmpty();
    assertThat(declaring).as("schemas declaring x-implements %s", ENVELOPE)
        .containsExactlyInAnyOrderElementsOf(carrying);
  }

  @Test
  void everyBareJsonAnswerIsWithoutTheEnvelope() {
    List<String> bare = new ArrayList<>();
    for (Spec.Operation op : spec.operations()) {
      JsonNode schema = spec.resolve(op.definition().at("/responses/200"))
          .at("/content/application~1json/schema");
      JsonNode resolved = spec.resolve(schema);
      boolean enveloped = resolved.path("x-implements").toString().contains(ENVELOPE);
      if (!enveloped) {
        bare.add(op.operationId());
        assertThat(op.path()).as("%s answers without the status envelope", op).startsWith("/v4/");
      }
    }
    assertThat(bare).as("operations answering bare JSON").contains("listLoyaltyCards",
        "getDirectory");
  }

  @Test
  void everyGetIsReadOnlyAndOnlyDeleteIsIdempotentWithoutBeingReadOnly() {
    for (Spec.Operation op : spec.operations()) {
      if (op.method().equals("get")) {
        assertThat(op.readOnly()).as("%s is x-coupontools-read-only", op).isTrue();
        assertThat(op.hasRequestBody()).as("%s has a request body", op).isFalse();
      }
      if (op.idempotent()) {
        assertThat(op.method()).as("%s is x-coupontools-idempotent", op).isEqualTo("delete");
      }
      if (op.method().equals("delete")) {
        assertThat(op.idempotent() || op.readOnly()).as("%s may be retried", op).isTrue();
      }
    }
  }

  @Test
  void everyPathParameterHasAnExampleAndIsRequired() {
    int count = 0;
    for (Spec.Operation op : spec.operations()) {
      for (JsonNode parameter : op.pathParameters()) {
        count++;
        assertThat(parameter.path("required").asBoolean()).as("%s %s required", op, parameter)
            .isTrue();
        assertThat(parameter.has("example")).as("%s %s example", op, parameter).isTrue();
      }
      assertThat(op.examplePath()).as("%s example path", op).doesNotContain("{", "}");
    }
    assertThat(count).as("path parameters in the contract").isGreaterThan(10);
  }

  @Test
  void theV4LoyaltyOperationsUseTheApiKeyPairAndDirectoryAcceptsBoth() {
    for (Spec.Operation op : spec.operations()) {
      if (op.path().startsWith("/v4/loyalty/")) {
        assertThat(op.credentialHeaders()).as("%s", op)
            .containsExactly("x-api-key", "x-api-secret");
      } else if (op.path().startsWith("/v4/directory")) {
        assertThat(op.credentialHeaders()).as("%s", op)
            .containsExactly("X-Client-Id", "X-Client-Secret", "x-api-key", "x-api-secret");
      } else {
        assertThat(op.credentialHeaders()).as("%s", op)
            .containsExactly("X-Client-Id", "X-Client-Secret");
      }
    }
  }

  @Test
  void everyRequestNumberRepeatsItsNumericRangeForGenerators() {
    Map<String, JsonNode> ranges = new java.util.TreeMap<>();
    for (Map.Entry<String, JsonNode> schema : schemas()) {
      JsonNode numeric = null;
      for (JsonNode branch : schema.getValue().path("anyOf")) {
        String type = branch.path("type").asText();
        if ((type.equals("integer") || type.equals("number"))
            && (branch.has("minimum") || branch.has("maximum"))) {
          numeric = branch;
        }
      }
      JsonNode declared = schema.getValue().path("x-coupontools-range");
      if (numeric == null) {
        assertThat(declared.isMissingNode()).as("%s has no numeric range to repeat",
            schema.getKey()).isTrue();
        continue;
      }
      for (String limit : List.of("minimum", "maximum")) {
        assertThat(declared.path(limit)).as("%s x-coupontools-range.%s", schema.getKey(), limit)
            .isEqualTo(numeric.path(limit));
      }
      assertThat(numeric.has("exclusiveMinimum") || numeric.has("exclusiveMaximum"))
          .as("%s: x-coupontools-range is inclusive", schema.getKey()).isFalse();
      ranges.put(schema.getKey(), declared);
    }
    assertThat(ranges).as("request numbers with a range").containsOnlyKeys("SequenceId", "WholeNumber",
        "PositiveWholeNumber", "DecimalNumber", "CodeLength");
  }

  @Test
  void aSequenceIdRepeatsThePatternOfItsDigitsForGenerators() {
    Map<String, String> repeated = new java.util.TreeMap<>();
    for (Map.Entry<String, JsonNode> schema : schemas()) {
      JsonNode declared = schema.getValue().path("x-coupontools-pattern");
      if (declared.isMissingNode()) {
        continue;
      }
      List<String> patterns = new ArrayList<>();
      schema.getValue().path("anyOf").forEach(branch -> {
        if ("string".equals(branch.path("type").asText()) && branch.has("pattern")) {
          patterns.add(branch.get("pattern").asText());
        }
      });
      assertThat(patterns).as("%s x-coupontools-pattern", schema.getKey())
          .containsExactly(declared.asText());
      // Written into Java source as it is: a backslash would need escaping there.
      assertThat(declared.asText()).as("%s x-coupontools-pattern", schema.getKey())
          .doesNotContain("\\");
      repeated.put(schema.getKey(), declared.asText());
    }
    // SequenceId is a text in the SDK; the other numbers are Java numbers, which no pattern fits.
    assertThat(repeated).containsOnlyKeys("SequenceId");
  }

  @Test
  void everyPropertyDescribedAsASecretIsAPassword() {
    Map<String, Boolean> secrets = new java.util.TreeMap<>();
    for (Map.Entry<String, JsonNode> schema : schemas()) {
      collectSecrets(schema.getKey(), schema.getValue(), secrets);
    }
    secrets.forEach((property, password) -> assertThat(password)
        .as("%s is called a secret or a credential: format password keeps it out of toString()",
            property).isTrue());
    assertThat(secrets).as("properties the contract calls secrets").containsOnlyKeys(
        "CreateLoyaltyUserRequest.password", "CreateSubaccountRequest.password",
        "DirectoryUserSsoToken.token", "DirectoryUserSsoToken.url", "Subaccount.api_key",
        "Subaccount.api_secret", "SubaccountSsoToken.token", "SubaccountSsoToken.url",
        "SubaccountSsoToken.url_whitelabel");
  }

  /** Properties described as a secret or a credential, or marked as a password, at any depth. */
  private static void collectSecrets(String path, JsonNode schema, Map<String, Boolean> found) {
    if (schema.isMissingNode()) {
      return;
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      JsonNode value = property.getValue();
      boolean password = "password".equals(value.path("format").asText());
      String description = value.path("description").asText().toLowerCase(java.util.Locale.ROOT);
      if (password || description.contains("secret") || description.contains("credential")) {
        found.put(path + "." + property.getKey(), password);
      }
      collectSecrets(path + "." + property.getKey(), value, found);
    }
    collectSecrets(path + "[]", schema.path("items"), found);
  }

  @Test
  void everyRuleBetweenFieldsIsRepeatedForGenerators() {
    Map<String, JsonNode> rules = new java.util.TreeMap<>();
    for (Map.Entry<String, JsonNode> schema : schemas()) {
      JsonNode object = schema.getValue();
      if (!"object".equals(object.path("type").asText())) {
        continue;
      }
      com.fasterxml.jackson.databind.node.ArrayNode expected = Spec.JSON.createArrayNode();
      if (object.has("anyOf")) {
        expected.add(fieldRule(schema.getKey(), object.get("anyOf")));
      }
      if (object.has("not")) {
        JsonNode together = object.get("not");
        assertThat(together.size()).as("%s: a not of required fields only", schema.getKey())
            .isEqualTo(1);
        expected.addObject().set("notTogether", together.get("required"));
      }
      JsonNode declared = object.path("x-coupontools-field-rules");
      assertThat(declared.isMissingNode() ? Spec.JSON.createArrayNode() : declared)
          .as("%s x-coupontools-field-rules", schema.getKey()).isEqualTo(expected);
      // The generated checks look the fields up by these names.
      List<String> names = new ArrayList<>();
      for (JsonNode rule : declared) {
        rule.path("atLeastOne").forEach(name -> names.add(name.asText()));
        rule.path("notTogether").forEach(name -> names.add(name.asText()));
        if (rule.has("requiredWhen")) {
          names.add(rule.get("requiredWhen").get("field").asText());
          names.add(rule.get("requiredWhen").get("other").asText());
        }
      }
      assertThat(object.path("properties").properties().stream().map(Map.Entry::getKey))
          .as("%s: the fields its rules name", schema.getKey()).containsAll(names);
      if (!expected.isEmpty()) {
        rules.put(schema.getKey(), declared);
      }
    }
    assertThat(rules).as("requests with rules between fields").containsOnlyKeys(
        "BatchUpdateCouponSessionsRequest", "CreateSingleUseUrlRequest",
        "CreateSubaccountSsoTokenRequest", "SearchCouponSessionsRequest");
  }

  /**
   * An object's {@code anyOf} as a rule: every branch one required field ({@code atLeastOne}),
   * or "the other field does not have this value" or "the field is set" ({@code requiredWhen}).
   */
  private static JsonNode fieldRule(String schema, JsonNode anyOf) {
    com.fasterxml.jackson.databind.node.ObjectNode rule = Spec.JSON.createObjectNode();
    boolean singles = true;
    for (JsonNode branch : anyOf) {
      singles &= branch.size() == 1 && branch.path("required").size() == 1;
    }
    if (singles) {
      com.fasterxml.jackson.databind.node.ArrayNode names = rule.putArray("atLeastOne");
      anyOf.forEach(branch -> names.add(branch.get("required").get(0)));
      return rule;
    }
    JsonNode unless = anyOf.get(0).path("not");
    String other = unless.path("required").path(0).asText();
    JsonNode values = unless.path("properties").path(other).path("enum");
    assertThat(anyOf.size() == 2 && unless.path("required").size() == 1 && values.size() == 1
        && anyOf.get(1).path("required").size() == 1)
        .as("%s: an anyOf the SDK's generated rules know (atLeastOne, requiredWhen)", schema)
        .isTrue();
    com.fasterxml.jackson.databind.node.ObjectNode when = rule.putObject("requiredWhen");
    when.set("field", anyOf.get(1).get("required").get(0));
    when.put("other", other);
    when.set("is", values.get(0));
    return rule;
  }
}
