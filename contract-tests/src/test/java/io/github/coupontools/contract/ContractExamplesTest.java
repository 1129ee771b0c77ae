package io.github.coupontools.contract;

import static io.github.coupontools.contract.SpecInteraction.CONSUMER;
import static io.github.coupontools.contract.SpecInteraction.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.PactVerificationResult;
import au.com.dius.pact.consumer.model.MockProviderConfig;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import io.github.coupontools.openapi.Spec;
import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.RequestOptions;
import io.github.coupontools.sdk.exception.CouponToolsException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every named response example of the contract, as a Pact interaction sent through the real SDK
 * method named after its operationId: the request is what the SDK sends for the operation's first
 * named request example, the response is the example. A success example comes back as the SDK's
 * typed response read from that JSON, an error example as the SDK's exception with the example's
 * HTTP status and error codes. Everything is derived from the contract, so an operation added to
 * it is covered here with no code; the section classes ({@code *ContractTest}) add the typed
 * assertions a reader wants to see.
 */
class ContractExamplesTest {

  /** Reads a request example into the SDK's request model as a caller would build it. */
  private static final ObjectMapper MODELS = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /** The request body the SDK sends, per operationId: the same for every example of it. */
  private static final Map<String, JsonNode> SENT = new HashMap<>();

  @TestFactory
  Stream<DynamicTest> everyNamedResponseExampleReachesTheCallerThroughTheSdk() {
    List<Spec.Example> examples = new ArrayList<>();
    Spec.load().operations().forEach(op -> examples.addAll(op.responseExamples()));
    assertThat(examples).as("named response examples of the contract").hasSizeGreaterThan(100);
    return examples.stream().map(example -> dynamicTest(example.toString(), () -> check(example)));
  }

  private static void check(Spec.Example example) throws Exception {
    Spec.Operation operation = example.operation();
    SpecInteraction interaction = SpecInteraction.of(
            ConsumerPactBuilder.consumer(CONSUMER).hasPactWith(PROVIDER), operation.operationId())
        .given(operation.operationId() + " answers HTTP " + example.status() + " with its example "
            + example.name())
        .uponReceiving(operation.operationId() + " answered by its " + example.status()
            + " example " + example.name());
    if (operation.hasRequestBody()) {
      JsonNode sent = SENT.get(operation.operationId());
      if (sent == null) {
        sent = bodyTheSdkSends(operation);
        SENT.put(operation.operationId(), sent);
      }
      interaction.requestBody(sent);
    } else {
      interaction.withoutBody();
    }
    V4Pact pact = interaction.respondWith(example.status(), example.name());
    MockProviderConfig config = new MockProviderConfig("127.0.0.1", 0, PactSpecVersion.V4);

    PactVerificationResult result = au.com.dius.pact.consumer.ConsumerPactRunnerKt
        .runConsumerTest(pact, config, (server, context) -> {
          try (CouponToolsClient client = client(server.getUrl())) {
            if (example.status() < 300) {
              assertReadsTheSuccess(example, call(client, operation));
            } else {
              assertFailsWithTheError(example, catchThrowable(() -> call(client, operation)));
            }
          }
          return null;
        });

    if (result instanceof PactVerificationResult.Error) {
      Throwable error = ((PactVerificationResult.Error) result).getError();
      if (error instanceof AssertionError) {
        throw (AssertionError) error;
      }
      throw new AssertionError(example + ": " + error, error);
    }
    assertThat(result).as("%s: %s", example, result.getDescription())
        .isInstanceOf(PactVerificationResult.Ok.class);
  }

  /** The 2xx body is the SDK's typed response, read from the JSON the example documents. */
  private static void assertReadsTheSuccess(Spec.Example example, Object response)
      throws Exception {
    assertThat(response).as("%s: the SDK's response", example).isNotNull();
    if (response instanceof List) {
      // A bare array answer: each element is a typed model keeping its own element's JSON. The
      // pact serves every element like the first (keys all elements share), as its matchers say.
      List<?> items = (List<?>) response;
      assertThat(items).as("%s: elements", example).hasSize(example.value().size());
      com.fasterxml.jackson.databind.node.ObjectNode template =
          (com.fasterxml.jackson.databind.node.ObjectNode) example.value().get(0).deepCopy();
      for (JsonNode element : example.value()) {
        List<String> names = new ArrayList<>();
        element.fieldNames().forEachRemaining(names::add);
        template.retain(names);
      }
      for (Object item : items) {
        assertReadsTheSuccess(example, item, template);
      }
      return;
    }
    assertReadsTheSuccess(example, response, example.value());
  }

  private static void assertReadsTheSuccess(Spec.Example example, Object response,
      JsonNode expected) throws Exception {
    Optional<?> raw = (Optional<?>) response.getClass().getMethod("rawJson").invoke(response);
    JsonNode read = (JsonNode) raw.orElseThrow(() ->
        new AssertionError(example + ": the typed response keeps no JSON"));
    expected.properties().forEach(field -> {
      assertThat(read.has(field.getKey())).as("%s: the response has %s", example, field.getKey())
          .isTrue();
      if (field.getValue().isValueNode()) {
        assertThat(Spec.jsonEquals(read.get(field.getKey()), field.getValue()))
            .as("%s: %s is %s, read %s", example, field.getKey(), field.getValue(),
                read.get(field.getKey()))
            .isTrue();
      }
    });
  }

  /** An error example is the SDK's exception with its HTTP status and error codes. */
  private static void assertFailsWithTheError(Spec.Example example, Throwable thrown) {
    assertThat(thrown).as("%s: the SDK call should fail", example)
        .isInstanceOf(CouponToolsException.class);
    CouponToolsException error = (CouponToolsException) thrown;
    JsonNode errors = example.value().path("status").has("errors")
        ? example.value().path("status").path("errors") : example.value().path("errors");
    List<Integer> codes = new ArrayList<>();
    JsonNode documented = errors.path("error_code");
    if (documented.isArray()) {
      documented.forEach(code -> codes.add(code.asInt()));
    } else if (!documented.isMissingNode()) {
      codes.add(documented.asInt());
    }
    assertThat(error.httpStatus()).as("%s: HTTP status", example).isEqualTo(example.status());
    assertThat(error.errorCodes()).as("%s: error codes", example).isEqualTo(codes);
  }

  /** The request body the SDK sends for the operation's first named request example. */
  private static JsonNode bodyTheSdkSends(Spec.Operation operation) throws Exception {
    AtomicReference<byte[]> body = new AtomicReference<>();
    HttpServer capture = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    capture.createContext("/", exchange -> {
      body.set(exchange.getRequestBody().readAllBytes());
      byte[] ok = "{\"status\":{\"status\":\"OK\"}}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, ok.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(ok);
      }
    });
    capture.start();
    try (CouponToolsClient client =
        client("http://127.0.0.1:" + capture.getAddress().getPort())) {
      try {
        call(client, operation);
      } catch (CouponToolsException ignored) {
        // Only the request matters here; a minimal answer may not satisfy every response type.
      }
    } finally {
      capture.stop(0);
    }
    if (body.get() == null) {
      throw new AssertionError(operation + ": the SDK sent no request");
    }
    return MODELS.readTree(body.get());
  }

  private static CouponToolsClient client(String baseUrl) {
    return CouponToolsClient.builder()
        .clientId(SpecInteraction.CLIENT_ID)
        .clientSecret(SpecInteraction.CLIENT_SECRET)
        .baseUrl(baseUrl)
        .maxRetries(0)
        .build();
  }

  /** Calls the SDK method named after the operationId with the first named request example. */
  private static Object call(CouponToolsClient client, Spec.Operation operation)
      throws Exception {
    for (Object service : services(client)) {
      for (Method method : service.getClass().getMethods()) {
        // The overloads taking RequestOptions are the same call with per-call options.
        Class<?>[] types = method.getParameterTypes();
        if (method.getName().equals(operation.operationId())
            && (types.length == 0 || types[types.length - 1] != RequestOptions.class)) {
          // Path parameters from their contract examples, optional query parameters left out,
          // the first request example as the body.
          Object[] arguments = new Object[types.length];
          List<JsonNode> path = operation.pathParameters();
          for (int i = 0; i < path.size(); i++) {
            arguments[i] = MODELS.convertValue(path.get(i).path("example"), types[i]);
          }
          if (operation.hasRequestBody() && types.length > path.size()) {
            arguments[types.length - 1] = MODELS.convertValue(operation.firstRequestExample(),
                types[types.length - 1]);
          }
          try {
            return method.invoke(service, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause()
                : new IllegalStateException(e.getCause());
          }
        }
      }
    }
    throw new AssertionError("No SDK method " + operation.operationId() + "(...) on the client");
  }

  /** The client's generated services: its groups and the webhook operations. */
  private static List<Object> services(CouponToolsClient client) throws Exception {
    List<Object> services = new ArrayList<>();
    for (Method group : CouponToolsClient.class.getMethods()) {
      if (group.getParameterCount() == 0 && !Modifier.isStatic(group.getModifiers())
          && group.getReturnType().getPackageName().endsWith(".service")) {
        services.add(group.invoke(client));
      }
    }
    services.add(client.webhooks().service());
    return services;
  }
}
