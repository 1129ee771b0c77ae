package io.github.coupontools.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The OpenAPI contract as test data: operations and their named examples. */
final class Contract {

  static final Contract INSTANCE = load();

  private final JsonNode root;

  private Contract(JsonNode root) {
    this.root = root;
  }

  private static Contract load() {
    String path = System.getProperty("coupontools.spec", "../openapi/coupontools.yaml");
    try {
      return new Contract(new ObjectMapper(new YAMLFactory()).readTree(Paths.get(path).toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One operation of the contract. */
  static final class Operation {
    final String path;
    final String operationId;
    final JsonNode node;
    /** The request body, its $ref resolved (operations can share one). */
    final JsonNode requestBody;

    Operation(String path, String operationId, JsonNode node, JsonNode requestBody) {
      this.path = path;
      this.operationId = operationId;
      this.node = node;
      this.requestBody = requestBody;
    }

    /** The first named request example. */
    JsonNode requestExample() {
      return requestBody.path("content").path("application/json").path("examples")
          .elements().next().path("value");
    }

    boolean readOnly() {
      return node.path("x-coupontools-read-only").asBoolean();
    }

    @Override
    public String toString() {
      return operationId;
    }
  }

  /** A named response example. */
  static final class Example {
    final Operation operation;
    final int status;
    final String name;
    final JsonNode value;

    Example(Operation operation, int status, String name, JsonNode value) {
      this.operation = operation;
      this.status = status;
      this.name = name;
      this.value = value;
    }

    @Override
    public String toString() {
      return operation.operationId + " " + status + " " + name;
    }
  }

  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode post = path.getValue().path("post");
      operations.add(new Operation(path.getKey(), post.path("operationId").asText(), post,
          resolve(post.path("requestBody"))));
    }
    return operations;
  }

  List<Example> responseExamples(Operation operation) {
    List<Example> examples = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> responses = operation.node.path("responses").fields();
        responses.hasNext(); ) {
      Map.Entry<String, JsonNode> response = responses.next();
      JsonNode body = resolve(response.getValue());
      for (Iterator<Map.Entry<String, JsonNode>> named =
          body.path("content").path("application/json").path("examples").fields(); named.hasNext(); ) {
        Map.Entry<String, JsonNode> example = named.next();
        examples.add(new Example(operation, Integer.parseInt(response.getKey()), example.getKey(),
            resolve(example.getValue()).path("value")));
      }
    }
    return examples;
  }

  /** The webhook payload examples of x-webhooks, by kind name. */
  List<Map.Entry<String, JsonNode>> webhookExamples() {
    List<Map.Entry<String, JsonNode>> examples = new ArrayList<>();
    root.path("x-webhooks").fields().forEachRemaining(hook -> {
      JsonNode content = hook.getValue().path("post").path("requestBody").path("content")
          .path("application/json").path("examples");
      content.fields().forEachRemaining(example -> examples.add(
          Map.entry(hook.getKey() + "/" + example.getKey(), resolve(example.getValue()).path("value"))));
    });
    return examples;
  }

  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText(null);
    if (ref == null) {
      return node;
    }
    JsonNode target = root;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part);
    }
    return resolve(target);
  }
}
