package io.github.coupontools.contract;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.core.model.V4Pact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.coupontools.openapi.Spec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One Pact interaction of an operation, written from the contract's named examples.
 *
 * <pre>{@code
 * return SpecInteraction.of(builder, "getCoupon")
 *     .given(ProviderStates.COUPON_MISSING)
 *     .uponReceiving("a request for an unknown coupon")
 *     .request("byId", Map.of("campaign", "cam_999999"))
 *     .respondWith(422, "campaignNotFound");
 * }</pre>
 *
 * <ul>
 *   <li>Each provider state carries the response example's name as its parameter
 *       {@value #EXAMPLE_PARAMETER}: the provider verification asks the mock for that example.</li>
 *   <li>The request is the operation's method and path (path parameters from their examples in
 *       the contract), the credential headers of the operation's security (any non-empty value)
 *       and {@code Content-Type: application/json}, with the named request example (plus
 *       overrides) as its exact body: Pact fails the test if the SDK sends anything else, an extra
 *       empty list included. An operation without a request body ({@code GET}, {@code DELETE})
 *       is written with {@link #withoutBody()}.</li>
 *   <li>A 2xx response is the named example with matchers: server-generated values (IDs such as
 *       {@code cam_\d+}, session codes, dates, URLs, digit strings) by regex, other values by type,
 *       arrays (a bare array answer too) as "at least one element like this"; the protocol words ({@code status.status},
 *       {@code action}, {@code operation}, {@code result}) by value.</li>
 *   <li>An error response is the named example as it is, value for value.</li>
 * </ul>
 */
final class SpecInteraction {

  static final String CONSUMER = "coupontools-java-sdk";
  static final String PROVIDER = "coupontools-api";
  /** The credentials the consumer tests send; the contract accepts any non-empty value. */
  static final String CLIENT_ID = "contract-client-id";
  static final String CLIENT_SECRET = "contract-client-secret";
  /** Provider-state parameter naming the contract example the state stands for. */
  static final String EXAMPLE_PARAMETER = "example";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

  /** Keys whose value is a fixed word of the protocol, matched by value. */
  private static final Set<String> PROTOCOL_WORDS = Set.of("action", "operation", "result");

  /** Matchers by key: values whose form the consumer relies on whatever the server generates. */
  private static final Map<String, String> KEY_PATTERNS = Map.of(
      "session", "[A-Za-z0-9]+",
      "single_use_code", "[A-Za-z0-9]+",
      "statcode", "[A-Za-z0-9]+",
      "widget_validation_code", "[A-Za-z0-9]+",
      "custom_validation_code", "[A-Za-z0-9]+");

  /** Matchers by the form of the example value, first match wins. */
  private static final List<Map.Entry<Pattern, String>> VALUE_PATTERNS = List.of(
      Map.entry(Pattern.compile("cam_\\d+"), "cam_\\d+"),
      Map.entry(Pattern.compile("gro_\\d+"), "gro_\\d+"),
      Map.entry(Pattern.compile("con_\\d+"), "con_\\d+"),
      Map.entry(Pattern.compile("sub_\\d+"), "sub_\\d+"),
      Map.entry(Pattern.compile("evt_[A-Za-z0-9]+"), "evt_[A-Za-z0-9]+"),
      Map.entry(Pattern.compile(DATE_TIME), "(" + DATE_TIME + ")?"),
      Map.entry(Pattern.compile("https?://\\S+"), "https?://\\S+"),
      Map.entry(Pattern.compile("\\d+"), "\\d+"));

  private final PactDslWithProvider builder;
  private final Spec.Operation operation;
  private final List<String> states = new ArrayList<>();
  private String description;
  private JsonNode requestBody;
  private String clientSecret = CLIENT_SECRET;
  private boolean withoutBody;

  private SpecInteraction(PactDslWithProvider builder, Spec.Operation operation) {
    this.builder = builder;
    this.operation = operation;
  }

  static SpecInteraction of(PactDslWithProvider builder, String operationId) {
    return new SpecInteraction(builder, Spec.load().operation(operationId));
  }

  /** A provider state, in business terms (see {@link ProviderStates}). */
  SpecInteraction given(String state) {
    states.add(Objects.requireNonNull(state));
    return this;
  }

  SpecInteraction uponReceiving(String description) {
    this.description = description;
    return this;
  }

  /** The named request example of the operation as the exact request body. */
  SpecInteraction request(String exampleName) {
    return request(exampleName, Map.of());
  }

  /** The named request example with some fields replaced or added, as the exact body. */
  SpecInteraction request(String exampleName, Map<String, ?> overrides) {
    ObjectNode body = operation.requestExample(exampleName);
    overrides.forEach((key, value) -> body.set(key, JSON.valueToTree(value)));
    this.requestBody = body;
    return this;
  }

  /** This exact request body (for instance what the SDK sends for a named request example). */
  SpecInteraction requestBody(JsonNode body) {
    this.requestBody = body.deepCopy();
    return this;
  }

  /** The operation takes no request body (a v4 {@code GET}, {@code DELETE} or body-less POST). */
  SpecInteraction withoutBody() {
    if (operation.hasRequestBody()) {
      throw new IllegalStateException(operation + " takes a request body");
    }
    this.withoutBody = true;
    return this;
  }

  /** Sends this client secret instead of the valid one (for the authentication failure). */
  SpecInteraction withClientSecret(String secret) {
    this.clientSecret = secret;
    return this;
  }

  /**
   * The response: the operation's named example for this status, with matchers when it is a
   * success and exact when it is an error.
   */
  V4Pact respondWith(int status, String exampleName) {
    if (states.isEmpty() || description == null || (requestBody == null && !withoutBody)) {
      throw new IllegalStateException(operation.operationId()
          + ": an interaction needs a provider state, a description and a request");
    }
    JsonNode example = operation.responseExample(status, exampleName);
    // Each state carries the example that realises it, so the provider side needs no mapping.
    Map<String, Object> realisedBy = Map.of(EXAMPLE_PARAMETER, exampleName);
    PactDslWithState withState = builder.given(states.get(0), realisedBy);
    for (String state : states.subList(1, states.size())) {
      withState = withState.given(state, realisedBy);
    }
    PactDslRequestWithPath request = withState.uponReceiving(description)
        .method(operation.method().toUpperCase(Locale.ROOT))
        .path(operation.examplePath());
    // The header names of the operation's security requirement; the values are the client's.
    for (String header : operation.credentialHeaders()) {
      request = request.matchHeader(header, ".+",
          header.toLowerCase(Locale.ROOT).endsWith("secret") ? clientSecret : CLIENT_ID);
    }
    if (!withoutBody) {
      request = request.headers("Content-Type", "application/json")
          .body(requestBody.toString(), "application/json");
    }
    var response = request.willRespondWith()
        .status(status)
        .headers(Map.of("Content-Type", "application/json"));
    if (status >= 200 && status < 300) {
      response = response.body(withMatchers(example));
    } else {
      response = response.body(example.toString(), "application/json");
    }
    return response.toPact(V4Pact.class);
  }

  /** The example as a Pact body whose values are matched as the class Javadoc says. */
  static DslPart withMatchers(JsonNode example) {
    if (example.isArray() && !example.isEmpty()) {
      PactDslJsonBody each = PactDslJsonArray.arrayMinLike(1, example.size());
      fill(each, template(example), false);
      return each.closeObject();
    }
    if (!example.isObject()) {
      throw new IllegalArgumentException("Response examples are JSON objects or non-empty arrays,"
          + " found " + example);
    }
    PactDslJsonBody body = new PactDslJsonBody();
    fill(body, example, true);
    return body;
  }

  private static void fill(PactDslJsonBody body, JsonNode object, boolean topLevel) {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        PactDslJsonBody child = body.object(key);
        if (topLevel && key.equals("status")) {
          envelope(child, value);
        } else {
          fill(child, value, false);
        }
        child.closeObject();
      } else if (value.isArray()) {
        array(body, key, value);
      } else if (value.isTextual()) {
        text(body, key, value.asText());
      } else if (value.isIntegralNumber()) {
        body.integerType(key, value.asLong());
      } else if (value.isNumber()) {
        body.numberType(key, value.numberValue());
      } else if (value.isBoolean()) {
        body.booleanType(key, value.asBoolean());
      } else if (value.isNull()) {
        body.nullValue(key);
      } else {
        throw new IllegalArgumentException("Unsupported example value " + key + ": " + value);
      }
    }
  }

  /** The status envelope: {@code "status": "OK"} is what makes a response a success. */
  private static void envelope(PactDslJsonBody status, JsonNode value) {
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      if (field.getKey().equals("status") && field.getValue().isTextual()) {
        status.stringValue("status", field.getValue().asText());
      } else {
        throw new IllegalArgumentException("Unexpected key in a success envelope: " + field);
      }
    }
  }

  /**
   * An array of objects as "at least one element, each like this": the template keeps the keys
   * every example element has (an optional key such as {@code unsubscribedate} is not required)
   * and the values of the first element; the generated body has as many elements as the example.
   */
  private static void array(PactDslJsonBody body, String key, JsonNode array) {
    if (array.isEmpty()) {
      body.array(key).closeArray();
      return;
    }
    PactDslJsonBody each = body.minArrayLike(key, 1, array.size());
    fill(each, template(array), false);
    each.closeObject().closeArray();
  }

  /** The keys every element of an array of objects has, with the first element's values. */
  private static ObjectNode template(JsonNode array) {
    Set<String> common = null;
    for (JsonNode element : array) {
      if (!element.isObject()) {
        throw new IllegalArgumentException("Only arrays of objects are supported in success"
            + " examples, found " + array);
      }
      Set<String> keys = new LinkedHashSet<>();
      element.fieldNames().forEachRemaining(keys::add);
      if (common == null) {
        common = keys;
      } else {
        common.retainAll(keys);
      }
    }
    ObjectNode template = JSON.createObjectNode();
    for (String name : common) {
      template.set(name, array.get(0).get(name));
    }
    return template;
  }

  private static void text(PactDslJsonBody body, String key, String value) {
    if (PROTOCOL_WORDS.contains(key)) {
      body.stringValue(key, value);
      return;
    }
    String byKey = KEY_PATTERNS.get(key);
    if (byKey != null && value.matches(byKey)) {
      body.stringMatcher(key, byKey, value);
      return;
    }
    for (Map.Entry<Pattern, String> form : VALUE_PATTERNS) {
      if (form.getKey().matcher(value).matches()) {
        body.stringMatcher(key, form.getValue(), value);
        return;
      }
    }
    body.stringType(key, value);
  }
}
