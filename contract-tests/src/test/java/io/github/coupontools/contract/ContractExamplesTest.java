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
import com.fasterxml.jackson.databind.JsonNode;
import io.github.coupontools.openapi.Spec;
import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.exception.CouponToolsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        sent = SdkCalls.bodyTheSdkSends(operation);
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

  private static CouponToolsClient client(String baseUrl) {
    return SdkCalls.client(baseUrl, SpecInteraction.CLIENT_SECRET);
  }

  private static Object call(CouponToolsClient client, Spec.Operation operation)
      throws Exception {
    return SdkCalls.call(client, operation);
  }
}
