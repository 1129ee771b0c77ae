package io.github.coupontools.contract;

import static io.github.coupontools.contract.SpecInteraction.CONSUMER;
import static io.github.coupontools.contract.SpecInteraction.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.PactVerificationResult;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.model.MockProviderConfig;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.coupontools.openapi.Spec;
import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.exception.AuthenticationException;
import io.github.coupontools.sdk.exception.CouponToolsException;
import io.github.coupontools.sdk.exception.DeliveryException;
import io.github.coupontools.sdk.exception.InvalidParameterException;
import io.github.coupontools.sdk.exception.MissingParameterException;
import io.github.coupontools.sdk.exception.NotFoundException;
import io.github.coupontools.sdk.exception.SessionStateException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The pacts of every operation that no section class ({@code *ContractTest}) writes by hand,
 * derived from the contract: a success interaction from the operation's named {@code success}
 * example and an error interaction from its first documented error example (the shared
 * authentication failure, sent with a rejected secret, where the operation documents none). Each
 * runs the SDK method named after the operationId against the Pact mock server, asserts the typed
 * answer or the typed exception, and is written into the same pact file as the section classes,
 * so {@code PactsMatchSpecIT}, {@code MockProviderVerificationIT} and {@code ContractCoverageIT}
 * count it. The SDK call is {@link SdkCalls}'s, the interaction {@link SpecInteraction}'s.
 */
class DerivedContractTest {

  /** The secret of the authentication-failure interactions. */
  static final String REJECTED_SECRET = "revoked-client-secret";

  @TestFactory
  Stream<DynamicTest> everyOperationWithoutHandWrittenPactsGetsADerivedSuccessAndError()
      throws Exception {
    Set<String> handWritten = handWrittenOperations();
    List<Spec.Operation> derived = Spec.load().operations().stream()
        .filter(op -> !handWritten.contains(op.operationId())).collect(Collectors.toList());
    return derived.stream().flatMap(op -> Stream.of(
        dynamicTest(op.operationId() + ": success example", () -> success(op)),
        dynamicTest(op.operationId() + ": " + errorExample(op).name(), () -> error(op))));
  }

  /** Guards the factory above: the scan finds the section classes' operations, not all. */
  @Test
  void handWrittenOperationsAreFoundInTheSectionClasses() throws Exception {
    Set<String> handWritten = handWrittenOperations();
    assertThat(handWritten).contains("listCoupons", "createSubaccountSsoToken", "verifyWebhook");
    assertThat(handWritten).doesNotContain("listDirectoryUsersV3", "createLoyaltyUser");
  }

  private static void success(Spec.Operation op) throws Exception {
    JsonNode example = op.responseExample(200, "success");
    V4Pact pact = interaction(op, 200, "success", SpecInteraction.CLIENT_SECRET);
    run(op, pact, SpecInteraction.CLIENT_SECRET, client -> {
      Object answer = SdkCalls.call(client, op);
      assertThat(answer).as("%s: the typed answer", op).isNotNull();
      // The typed model, written back as JSON (declared fields and kept unknown ones), names
      // every key of the example.
      JsonNode typed = SdkCalls.MODELS.valueToTree(answer);
      // A bare array answer (v4) is a list of models: its first element names the keys.
      JsonNode expected = example.isArray() ? example.get(0) : example;
      JsonNode read = example.isArray() ? typed.get(0) : typed;
      assertThat(read).as("%s: the typed answer %s", op, typed).isNotNull();
      expected.fieldNames().forEachRemaining(key -> assertThat(read.hasNonNull(key))
          .as("%s: the typed answer carries %s (%s)", op, key, typed).isTrue());
      if (example.has("status")) {
        assertThat(typed.at("/status/status").asText()).as("%s: status", op).isEqualTo("OK");
      }
    });
  }

  private static void error(Spec.Operation op) throws Exception {
    Spec.ErrorExample example = errorExample(op);
    String secret = example.isShared() ? REJECTED_SECRET : SpecInteraction.CLIENT_SECRET;
    V4Pact pact = interaction(op, example.response().status(), example.name(), secret);
    run(op, pact, secret, client -> {
      Throwable thrown = catchThrowable(() -> SdkCalls.call(client, op));
      int code = example.codes().get(0);
      assertThat(thrown).as("%s: %s", op, example.name()).isInstanceOf(expectedClass(code));
      CouponToolsException failure = (CouponToolsException) thrown;
      assertThat(failure.httpStatus()).isEqualTo(example.response().status());
      assertThat(failure.errorCodes()).isEqualTo(example.codes());
      if (!example.isShared()) {
        assertThat(failure.errorDescriptions()).containsExactlyElementsOf(example.messages());
      }
    });
  }

  /** The first documented error of the operation, or the shared authentication failure. */
  private static Spec.ErrorExample errorExample(Spec.Operation op) {
    List<Spec.ErrorExample> errors = op.errorExamples();
    return errors.stream().filter(e -> !e.isShared()).findFirst()
        .orElseGet(() -> errors.stream().filter(e -> e.response().status() == 401).findFirst()
            .orElseThrow(() -> new AssertionError(op + " documents no error at all")));
  }

  private static V4Pact interaction(Spec.Operation op, int status, String example,
      String secret) throws Exception {
    PactDslWithProvider builder = ConsumerPactBuilder.consumer(CONSUMER).hasPactWith(PROVIDER);
    SpecInteraction interaction = SpecInteraction.of(builder, op.operationId())
        .given(status == 401 ? ProviderStates.CREDENTIALS_REJECTED
            : op.operationId() + " is answered by its documented example " + example)
        .uponReceiving("derived: " + op.operationId() + " answered by its " + status
            + " example " + example)
        .withClientSecret(secret);
    if (op.hasRequestBody()) {
      interaction.requestBody(SdkCalls.bodyTheSdkSends(op));
    } else {
      interaction.withoutBody();
    }
    return interaction.respondWith(status, example);
  }

  private interface Call {
    void run(CouponToolsClient client) throws Exception;
  }

  private static void run(Spec.Operation op, V4Pact pact, String secret, Call call) {
    MockProviderConfig config = new MockProviderConfig("127.0.0.1", 0, PactSpecVersion.V4);
    PactVerificationResult result = au.com.dius.pact.consumer.ConsumerPactRunnerKt
        .runConsumerTest(pact, config, (server, context) -> {
          try (CouponToolsClient client = SdkCalls.client(server.getUrl(), secret)) {
            call.run(client);
          }
          return null;
        });
    if (result instanceof PactVerificationResult.Error) {
      Throwable error = ((PactVerificationResult.Error) result).getError();
      if (error instanceof AssertionError) {
        throw (AssertionError) error;
      }
      throw new AssertionError(op + ": " + error, error);
    }
    assertThat(result).as("%s: %s", op, result.getDescription())
        .isInstanceOf(PactVerificationResult.Ok.class);
  }

  /** The documented error classes, written out independently of the SDK's classifier. */
  private static Class<? extends CouponToolsException> expectedClass(int code) {
    if (code == 1000 || code / 100 == 1) {
      return AuthenticationException.class;
    }
    switch (code / 100) {
      case 2: return MissingParameterException.class;
      case 3: return code >= 350 ? SessionStateException.class : InvalidParameterException.class;
      case 4: return InvalidParameterException.class;
      case 5: return NotFoundException.class;
      case 6: return DeliveryException.class;
      default: throw new AssertionError("undocumented error class " + code);
    }
  }

  /**
   * The operations the section classes write pacts for: each {@code @Pact} method of each
   * {@code *ContractTest} class next to this one, called with a fresh builder, and the operations
   * its interactions call.
   */
  static Set<String> handWrittenOperations() throws Exception {
    Set<String> operations = new LinkedHashSet<>();
    for (Class<?> section : sectionClasses()) {
      Constructor<?> constructor = section.getDeclaredConstructor();
      constructor.setAccessible(true);
      Object instance = constructor.newInstance();
      for (Method method : section.getDeclaredMethods()) {
        if (!method.isAnnotationPresent(Pact.class)) {
          continue;
        }
        method.setAccessible(true);
        V4Pact pact = (V4Pact) method.invoke(instance,
            ConsumerPactBuilder.consumer(CONSUMER).hasPactWith(PROVIDER));
        for (Interaction interaction : pact.getInteractions()) {
          SynchronousRequestResponse exchange = interaction.asSynchronousRequestResponse();
          Spec.load().operationAt(exchange.getRequest().getMethod(),
                  exchange.getRequest().getPath())
              .ifPresent(op -> operations.add(op.operationId()));
        }
      }
    }
    return operations;
  }

  private static List<Class<?>> sectionClasses() throws URISyntaxException, Exception {
    Path here = Paths.get(DerivedContractTest.class.getResource(
        DerivedContractTest.class.getSimpleName() + ".class").toURI()).getParent();
    List<Class<?>> sections = new ArrayList<>();
    try (Stream<Path> files = Files.list(here)) {
      for (Path file : files.sorted().collect(Collectors.toList())) {
        String name = file.getFileName().toString();
        if (name.endsWith("ContractTest.class") && !name.contains("$")
            && !name.equals(DerivedContractTest.class.getSimpleName() + ".class")) {
          Class<?> type = Class.forName(DerivedContractTest.class.getPackageName() + "."
              + name.substring(0, name.length() - ".class".length()));
          if (type.isAnnotationPresent(PactTestFor.class)) {
            sections.add(type);
          }
        }
      }
    }
    assertThat(sections).as("section classes *ContractTest next to %s", here).isNotEmpty();
    return sections;
  }
}
