package io.github.coupontools.contract;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.IgnoreMissingStateChange;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.github.coupontools.mock.PrismMock;
import io.github.coupontools.openapi.Spec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays every interaction of the SDK's pacts against the offline mock (Prism serving
 * {@code openapi/coupontools.yaml} from the {@code coupontools.spec} system property).
 *
 * <p><b>What this proves, and what it does not.</b> It proves that the contract's documented
 * examples agree with what the SDK expects: every request the SDK sends is accepted by the mock's
 * request validation, and the example the mock serves for each provider state satisfies the
 * consumer's matchers (success) or equals the expected body (error). It does <em>not</em> prove
 * that the real Coupontools API behaves like this: Prism answers from the contract's static
 * examples, whatever the state of an account. Only a verification against the real API (with a
 * test account and real state set-up) could show that.
 *
 * <p>Prism has no state: each provider state is realised by asking the mock for the documented
 * example that describes it, with a {@code Prefer: code=NNN, example=NAME} header added to the
 * replayed request. The example's name travels in the pact as the state's parameter
 * {@value SpecInteraction#EXAMPLE_PARAMETER} (written by {@link SpecInteraction}), so no mapping is
 * kept here. A state without it, or naming an example the operation does not document for the
 * interaction's status, fails the interaction (which is why Pact's own missing-state-handler
 * check is switched off).
 */
@Provider(SpecInteraction.PROVIDER)
@PactFolder("target/pacts")
@IgnoreMissingStateChange
class MockProviderVerificationIT {

  private static PrismMock prism;

  @BeforeAll
  static void startMock() {
    prism = PrismMock.start();
  }

  @AfterAll
  static void stopMock() {
    if (prism != null) {
      prism.close();
    }
  }

  @BeforeEach
  void targetTheMock(PactVerificationContext context) {
    context.setTarget(new HttpTestTarget("127.0.0.1", prism.port()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void interactionHoldsAgainstTheMock(PactVerificationContext context, HttpRequest request) {
    request.setHeader("Prefer", prefer(context.getInteraction()));
    context.verifyInteraction();
  }

  /** The {@code Prefer} header that makes the mock answer as the interaction's states say. */
  static String prefer(Interaction interaction) {
    SynchronousRequestResponse exchange = interaction.asSynchronousRequestResponse();
    if (exchange == null) {
      throw new AssertionError("Only HTTP interactions are expected, found " + interaction);
    }
    int status = exchange.getResponse().getStatus();
    String path = exchange.getRequest().getPath();
    String method = exchange.getRequest().getMethod();
    Spec.Operation operation = Spec.load().operationAt(method, path)
        .orElseThrow(() -> new AssertionError("'" + interaction.getDescription() + "' calls "
            + method + " " + path + ", which is not an operation of the contract"));
    List<String> documented = operation.responseExampleNames(status);
    Set<String> named = new LinkedHashSet<>();
    for (ProviderState state : interaction.getProviderStates()) {
      Object example = state.getParams().get(SpecInteraction.EXAMPLE_PARAMETER);
      if (example == null) {
        throw new AssertionError("The provider state '" + state.getName() + "' of '"
            + interaction.getDescription() + "' names no contract example (parameter '"
            + SpecInteraction.EXAMPLE_PARAMETER + "'): write the interaction with SpecInteraction");
      }
      named.add(example.toString());
    }
    if (named.size() != 1 || !documented.contains(named.iterator().next())) {
      throw new AssertionError("The provider states " + interaction.getProviderStates().stream()
          .map(ProviderState::getName).collect(Collectors.toList()) + " of '"
          + interaction.getDescription() + "' must name exactly one example that "
          + operation.operationId() + " documents for HTTP " + status + " (it documents "
          + documented + "), found " + named);
    }
    return "code=" + status + ", example=" + named.iterator().next();
  }
}
