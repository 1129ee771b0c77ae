package io.github.coupontools.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract {@code openapi/coupontools.yaml} as the tests see it: its operations, their named
 * request and response examples, the error examples with their codes and messages, and the
 * webhooks, with local {@code $ref}s resolved.
 *
 * <p>The contract comes from the coupontools-openapi artifact ({@value #RESOURCE}), so a test
 * reads the contract its module was built against, never another module's folder.
 */
public final class Spec {

  /** Where the coupontools-openapi jar carries the contract. */
  public static final String RESOURCE = "/io/github/coupontools/openapi/coupontools.yaml";
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static Spec loaded;

  private final Path file;
  private final JsonNode root;
  private final List<Operation> operations;
  private final List<Webhook> webhooks;

  /** One operation of {@code paths}. */
  public record Operation(String path, String method, String operationId, JsonNode requestSchema,
      Map<String, JsonNode> requestExamples, Map<Integer, Response> responses,
      JsonNode definition, List<JsonNode> parameters, List<String> credentialHeaders) {

    /** The value of {@code x-coupontools-read-only}: safe to retry. */
    public boolean readOnly() {
      return definition.path("x-coupontools-read-only").asBoolean();
    }

    /** The value of {@code x-coupontools-idempotent}: sending it twice leaves the same state. */
    public boolean idempotent() {
      return definition.path("x-coupontools-idempotent").asBoolean();
    }

    /** Whether the operation has a request body at all (the v4 GET and DELETE have none). */
    public boolean hasRequestBody() {
      return definition.has("requestBody");
    }

    /** The text of {@code x-coupontools-partly-documented}, or null. */
    public String partlyDocumented() {
      JsonNode note = definition.path("x-coupontools-partly-documented");
      return note.isTextual() ? note.asText() : null;
    }

    /** The path parameters (resolved), in the order of the path template. */
    public List<JsonNode> pathParameters() {
      List<JsonNode> inPath = new ArrayList<>();
      java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
      while (names.find()) {
        String name = names.group(1);
        inPath.add(parameters.stream().filter(p -> p.path("in").asText().equals("path")
            && p.path("name").asText().equals(name)).findFirst().orElseThrow(
                () -> new IllegalStateException(this + " does not declare path parameter " + name)));
      }
      return inPath;
    }

    /** The path with every path parameter replaced by its {@code example}. */
    public String examplePath() {
      String concrete = path;
      for (JsonNode parameter : pathParameters()) {
        JsonNode example = parameter.path("example");
        if (example.isMissingNode()) {
          throw new IllegalStateException(this + ": path parameter "
              + parameter.path("name").asText() + " has no example");
        }
        concrete = concrete.replace("{" + parameter.path("name").asText() + "}", example.asText());
      }
      return concrete;
    }

    /** The named request example, or null for an operation without a request body. */
    public JsonNode firstRequestExampleOrNull() {
      return requestExamples.isEmpty() ? null : requestExamples.values().iterator().next();
    }

    /** A named request example, as a copy free to change. */
    public ObjectNode requestExample(String name) {
      JsonNode example = requestExamples.get(name);
      if (example == null) {
        throw new IllegalArgumentException(this + " has no request example '" + name + "'; it has "
            + requestExamples.keySet());
      }
      return example.deepCopy();
    }

    /** A named example of the response of a status, as a copy free to change. */
    public JsonNode responseExample(int status, String name) {
      JsonNode example = response(status).map(r -> r.examples().get(name)).orElse(null);
      if (example == null) {
        throw new IllegalArgumentException(this + " documents no example '" + name
            + "' for HTTP " + status + "; it has " + responseExampleNames(status));
      }
      return example.deepCopy();
    }

    /** Names of the examples of the response of a status, in document order. */
    public List<String> responseExampleNames(int status) {
      return response(status).map(r -> List.copyOf(r.examples().keySet())).orElse(List.of());
    }

    /** Every named response example, by status then document order. */
    public List<Example> responseExamples() {
      List<Example> examples = new ArrayList<>();
      responses.values().forEach(response -> response.examples().forEach((name, value) ->
          examples.add(new Example(this, response.status(), name, value))));
      return examples;
    }

    /** The first named request example: a request the contract calls valid. */
    public JsonNode firstRequestExample() {
      if (requestExamples.isEmpty()) {
        throw new AssertionError(this + " has no named request example");
      }
      return requestExamples.values().iterator().next();
    }

    /** Response of a status, if documented. */
    public Optional<Response> response(int status) {
      return Optional.ofNullable(responses.get(status));
    }

    /** Error responses (4xx and 5xx), lowest status first. */
    public List<Response> errorResponses() {
      List<Response> errors = new ArrayList<>();
      responses.values().stream().filter(r -> r.status() >= 400)
          .sorted(Comparator.comparingInt(Response::status)).forEach(errors::add);
      return errors;
    }

    /**
     * The response Prism serves for a request that violates the request schema: 422 if the
     * operation documents one, else 400 (Prism's order).
     */
    public Optional<Response> invalidRequestResponse() {
      return response(422).or(() -> response(400));
    }

    /** Error examples of the operation, in document order (shared ones included). */
    public List<ErrorExample> errorExamples() {
      List<ErrorExample> errors = new ArrayList<>();
      for (Response response : errorResponses()) {
        response.examples().forEach((name, value) ->
            errors.add(ErrorExample.of(this, response, name, value)));
      }
      return errors;
    }

    @Override
    public String toString() {
      return operationId + " (" + method.toUpperCase() + " " + path + ")";
    }
  }

  /**
   * A documented response of an operation.
   *
   * @param sharedRef the {@code #/components/responses/...} reference it was written as, or null
   */
  public record Response(int status, String sharedRef, Map<String, JsonNode> examples) {
    public boolean isShared() {
      return sharedRef != null;
    }
  }

  /** A named response example of an operation. */
  public record Example(Operation operation, int status, String name, JsonNode value) {
    @Override
    public String toString() {
      return operation.operationId() + " " + status + " " + name;
    }
  }

  /** A named example of an error response, with the codes and messages it carries. */
  public record ErrorExample(Operation operation, Response response, String name, JsonNode value,
      List<Integer> codes, List<String> messages) {

    public static ErrorExample of(Operation operation, Response response, String name,
        JsonNode value) {
      JsonNode errors = value.at("/status/errors");
      if (errors.isMissingNode()) {
        errors = value.path("errors");
      }
      List<Integer> codes = new ArrayList<>();
      for (JsonNode code : asList(errors.path("error_code"))) {
        codes.add(code.canConvertToInt() ? code.asInt() : null);
      }
      List<String> messages = new ArrayList<>();
      JsonNode descriptions = errors.path("error_message_description");
      for (JsonNode message : asList(descriptions.isMissingNode()
          ? errors.path("error_message") : descriptions)) {
        messages.add(message.asText());
      }
      return new ErrorExample(operation, response, name, value, codes, messages);
    }

    /** The example as it is shared by every operation (the 401 authentication failure). */
    public boolean isShared() {
      return "#/components/responses/AuthenticationFailed".equals(response.sharedRef());
    }

    @Override
    public String toString() {
      return operation.operationId() + " " + response.status() + " example '" + name + "' "
          + codes + " " + messages;
    }
  }

  /** One entry of {@code x-webhooks}: the payload the API posts to the account's endpoint. */
  public record Webhook(String name, JsonNode pathItem, JsonNode schema,
      Map<String, JsonNode> examples) {}

  private Spec(Path file) {
    this.file = file;
    try {
      this.root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the contract " + file, e);
    }
    this.operations = readOperations();
    this.webhooks = readWebhooks();
  }

  /** The contract of the coupontools-openapi artifact on the test classpath, read once per JVM. */
  public static synchronized Spec load() {
    if (loaded == null) {
      loaded = new Spec(file());
    }
    return loaded;
  }

  /**
   * A file holding the contract: the resource itself in a reactor build (target/classes), a
   * temporary copy when it comes from the coupontools-openapi jar.
   */
  public static Path file() {
    URL url = Spec.class.getResource(RESOURCE);
    if (url == null) {
      throw new IllegalStateException(RESOURCE + " is not on the test classpath: add a test"
          + " dependency on io.github.coupontools-java:coupontools-openapi");
    }
    try {
      if ("file".equals(url.getProtocol())) {
        return Paths.get(url.toURI());
      }
      Path copy = Files.createTempFile("coupontools-", ".yaml");
      copy.toFile().deleteOnExit();
      try (InputStream in = url.openStream()) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + url, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A test resource of the calling module's {@code src/test/resources/spec/} as a file. */
  public static Path testResource(String name) {
    URL url = Spec.class.getResource("/spec/" + name);
    if (url == null) {
      throw new IllegalStateException("Test resource spec/" + name + " is missing from"
          + " src/test/resources/spec/");
    }
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path path() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  public List<Operation> operations() {
    return operations;
  }

  public Operation operation(String operationId) {
    return operations.stream().filter(op -> op.operationId().equals(operationId)).findFirst()
        .orElseThrow(() -> new AssertionError("The contract has no operation " + operationId));
  }

  public List<Webhook> webhooks() {
    return webhooks;
  }

  /**
   * The operation served at a method (any case) and a concrete path (path parameters filled in,
   * as in a pact), if any; a literal path wins over a template ({@code /stats/bulk}).
   */
  public Optional<Operation> operationAt(String method, String path) {
    Optional<Operation> literal = operations.stream()
        .filter(op -> op.method().equalsIgnoreCase(method) && op.path().equals(path)).findFirst();
    return literal.or(() -> operations.stream()
        .filter(op -> op.method().equalsIgnoreCase(method) && op.path().contains("{")
            && path.matches(java.util.regex.Pattern.quote(op.path())
                .replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")))
        .findFirst());
  }

  /** Every webhook payload example, keyed {@code <webhook>/<example name>}, in document order. */
  public List<Map.Entry<String, JsonNode>> webhookExamples() {
    List<Map.Entry<String, JsonNode>> examples = new ArrayList<>();
    webhooks.forEach(hook -> hook.examples().forEach((name, value) ->
        examples.add(Map.entry(hook.name() + "/" + name, value))));
    return examples;
  }

  /** Follows {@code $ref}s to local components until a node without one. */
  public JsonNode resolve(JsonNode node) {
    Set<String> seen = new HashSet<>();
    while (node != null && node.has("$ref")) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("Only local $refs are supported, found " + ref);
      }
      if (!seen.add(ref)) {
        throw new IllegalStateException("$ref cycle at " + ref);
      }
      JsonNode target = root.at(ref.substring(1));
      if (target.isMissingNode()) {
        throw new IllegalStateException("Unresolvable $ref " + ref);
      }
      node = target;
    }
    return node;
  }

  /**
   * Properties of an object schema (its own and those of {@code allOf} members), each resolved,
   * in document order.
   */
  public Map<String, JsonNode> properties(JsonNode schema) {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    JsonNode resolved = resolve(schema);
    for (JsonNode part : resolved.path("allOf")) {
      properties.putAll(properties(part));
    }
    resolved.path("properties").properties()
        .forEach(e -> properties.put(e.getKey(), resolve(e.getValue())));
    return properties;
  }

  /** Required properties of an object schema (its own and those of {@code allOf} members). */
  public List<String> required(JsonNode schema) {
    List<String> required = new ArrayList<>();
    JsonNode resolved = resolve(schema);
    for (JsonNode part : resolved.path("allOf")) {
      required.addAll(required(part));
    }
    resolved.path("required").forEach(name -> required.add(name.asText()));
    return required;
  }

  /** The spec with each webhook added as a path {@code /x-webhooks/<name>}, as JSON. */
  public String withWebhooksAsPaths() {
    ObjectNode copy = root.deepCopy();
    ObjectNode paths = (ObjectNode) copy.get("paths");
    for (Webhook webhook : webhooks) {
      paths.set(webhookPath(webhook), webhook.pathItem());
    }
    try {
      return JSON.writeValueAsString(copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String webhookPath(Webhook webhook) {
    return "/x-webhooks/" + webhook.name();
  }

  private List<Operation> readOperations() {
    List<Operation> result = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        if (!List.of("get", "put", "post", "delete", "options", "head", "patch", "trace")
            .contains(method.getKey())) {
          continue;
        }
        JsonNode op = method.getValue();
        JsonNode media = resolve(op.path("requestBody")).path("content").path("application/json");
        Map<Integer, Response> responses = new LinkedHashMap<>();
        op.path("responses").properties().forEach(r -> {
          JsonNode written = r.getValue();
          String ref = written.has("$ref") ? written.get("$ref").asText() : null;
          JsonNode response = resolve(written);
          if (!r.getKey().matches("[1-5][0-9][0-9]")) {
            throw new IllegalStateException("Response '" + r.getKey() + "' of " + path.getKey()
                + ": the contract's convention (and these tests) use explicit status codes");
          }
          int status = Integer.parseInt(r.getKey());
          responses.put(status, new Response(status, ref,
              examples(response.path("content").path("application/json"))));
        });
        List<JsonNode> parameters = new ArrayList<>();
        path.getValue().path("parameters").forEach(p -> parameters.add(resolve(p)));
        op.path("parameters").forEach(p -> parameters.add(resolve(p)));
        result.add(new Operation(path.getKey(), method.getKey(), op.path("operationId").asText(),
            resolve(media.path("schema")), examples(media), responses, op,
            List.copyOf(parameters), credentialHeaders(op)));
      }
    }
    return List.copyOf(result);
  }

  /**
   * The header names of the operation's security requirements (its own, else the global ones),
   * every alternative included, in document order.
   */
  private List<String> credentialHeaders(JsonNode op) {
    JsonNode requirements = op.has("security") ? op.get("security") : root.path("security");
    Set<String> headers = new java.util.LinkedHashSet<>();
    requirements.forEach(requirement -> requirement.fieldNames().forEachRemaining(scheme ->
        headers.add(root.path("components").path("securitySchemes").path(scheme).path("name")
            .asText())));
    return List.copyOf(headers);
  }

  private List<Webhook> readWebhooks() {
    List<Webhook> result = new ArrayList<>();
    root.path("x-webhooks").properties().forEach(e -> {
      JsonNode media = resolve(e.getValue().path("post").path("requestBody"))
          .path("content").path("application/json");
      result.add(new Webhook(e.getKey(), e.getValue(), media.path("schema"), examples(media)));
    });
    return List.copyOf(result);
  }

  /** Named examples of a media type object, name to value, in document order. */
  private Map<String, JsonNode> examples(JsonNode media) {
    Map<String, JsonNode> examples = new LinkedHashMap<>();
    media.path("examples").properties().forEach(e -> {
      JsonNode example = resolve(e.getValue());
      if (!example.has("value")) {
        throw new IllegalStateException("Example " + e.getKey() + " has no inline value");
      }
      examples.put(e.getKey(), example.get("value"));
    });
    return examples;
  }

  private static List<JsonNode> asList(JsonNode node) {
    List<JsonNode> list = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(list::add);
    } else if (!node.isMissingNode() && !node.isNull()) {
      list.add(node);
    }
    return list;
  }

  /** Whether two JSON values are equal, numbers compared by value (1 equals 1.0, int or long). */
  public static boolean jsonEquals(JsonNode a, JsonNode b) {
    return a.equals((x, y) -> {
      if (x.isNumber() && y.isNumber()) {
        return x.decimalValue().compareTo(y.decimalValue()) == 0 ? 0 : 1;
      }
      return x.equals(y) ? 0 : 1;
    }, b);
  }

  /** Reads a JSON document. */
  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + text, e);
    }
  }

  /** Reads a JSON file. */
  public static JsonNode json(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read JSON from " + file, e);
    }
  }

  /** Compact JSON text of a value. */
  public static String text(JsonNode value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
