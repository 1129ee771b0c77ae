package io.github.coupontools.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAPI contract ({@code openapi/coupontools.yaml}) read as data: its operations and their
 * named request and response examples. The consumer tests take their expected request and
 * response bodies from here, so a pact says what the contract documents, not a copy of it.
 */
final class OpenApiSpec {

  /** The contract of this build: the {@code coupontools.spec} system property, else the repo's. */
  static final OpenApiSpec CONTRACT = load(specPath());

  private final JsonNode root;

  private OpenApiSpec(JsonNode root) {
    this.root = root;
  }

  static Path specPath() {
    String configured = System.getProperty("coupontools.spec");
    return configured == null || configured.isBlank()
        ? Paths.get("..", "openapi", "coupontools.yaml") : Paths.get(configured);
  }

  static OpenApiSpec load(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("OpenAPI contract not found at " + path.toAbsolutePath());
    }
    try {
      return new OpenApiSpec(new ObjectMapper(new YAMLFactory()).readTree(path.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the OpenAPI contract " + path, e);
    }
  }

  /** Every operation of the contract, in document order. */
  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        String operationId = method.getValue().path("operationId").asText("");
        if (!operationId.isEmpty()) {
          operations.add(new Operation(path.getKey(), method.getKey().toUpperCase(
              java.util.Locale.ROOT), operationId, method.getValue()));
        }
      }
    }
    return operations;
  }

  /** The operation with this operationId. */
  Operation operation(String operationId) {
    return operations().stream().filter(o -> o.operationId.equals(operationId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("The contract has no operation "
            + operationId));
  }

  /** The operation served at this method and path, if any. */
  Optional<Operation> operationAt(String method, String path) {
    return operations().stream()
        .filter(o -> o.method.equalsIgnoreCase(method) && o.path.equals(path)).findFirst();
  }

  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText(null);
    if (ref == null) {
      return node;
    }
    if (!ref.startsWith("#/")) {
      throw new IllegalStateException("Only local references are supported, found " + ref);
    }
    JsonNode target = root;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part.replace("~1", "/").replace("~0", "~"));
    }
    if (target.isMissingNode()) {
      throw new IllegalStateException("Dangling reference " + ref);
    }
    return resolve(target);
  }

  /** One operation of the contract. */
  final class Operation {
    final String path;
    final String method;
    final String operationId;
    private final JsonNode node;

    private Operation(String path, String method, String operationId, JsonNode node) {
      this.path = path;
      this.method = method;
      this.operationId = operationId;
      this.node = node;
    }

    /** The named request example (a fresh copy, free to change). */
    ObjectNode requestExample(String name) {
      JsonNode example = resolve(node.path("requestBody")).path("content")
          .path("application/json").path("examples").path(name);
      if (example.isMissingNode()) {
        throw new IllegalArgumentException(operationId + " has no request example '" + name
            + "'");
      }
      return resolve(example).path("value").deepCopy();
    }

    /** The named example of the response with this status (a fresh copy). */
    JsonNode responseExample(int status, String name) {
      JsonNode example = responseExamples(status).path(name);
      if (example.isMissingNode()) {
        throw new IllegalArgumentException(operationId + " documents no example '" + name
            + "' for HTTP " + status + "; it has " + responseExampleNames(status));
      }
      return resolve(example).path("value").deepCopy();
    }

    /** The names of the examples of the response with this status, in document order. */
    List<String> responseExampleNames(int status) {
      List<String> names = new ArrayList<>();
      responseExamples(status).fieldNames().forEachRemaining(names::add);
      return names;
    }

    private JsonNode responseExamples(int status) {
      JsonNode response = node.path("responses").path(Integer.toString(status));
      if (response.isMissingNode()) {
        return response;
      }
      return resolve(response).path("content").path("application/json").path("examples");
    }

    @Override
    public String toString() {
      return operationId + " (" + method + " " + path + ")";
    }
  }
}
