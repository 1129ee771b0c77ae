package io.github.coupontools.contract;

import static java.util.Map.entry;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * replayed request. {@link #EXAMPLES_BY_STATE} maps each state to the example names that stand for
 * it; the one the operation documents for the interaction's status is used. A state without a
 * mapping, or a mapping the operation does not document, fails the interaction (which is why
 * Pact's own missing-state-handler check is switched off).
 */
@Provider(SpecInteraction.PROVIDER)
@PactFolder("target/pacts")
@IgnoreMissingStateChange
class MockProviderVerificationIT {

  /** For each provider state, the names of the contract examples that describe it. */
  static final Map<String, List<String>> EXAMPLES_BY_STATE = Map.ofEntries(
      entry(ProviderStates.CREDENTIALS_REJECTED, List.of("authenticationFailed")),
      entry(ProviderStates.ACTIVE_COUPON, List.of("success")),
      entry(ProviderStates.NO_FOLDER_ARCHIVE, List.of("folderNotFound")),
      entry(ProviderStates.COUPON_EXISTS, List.of("success")),
      entry(ProviderStates.COUPON_MISSING, List.of("campaignNotFound")),
      entry(ProviderStates.TEMPLATE_EXISTS, List.of("success")),
      entry(ProviderStates.TEMPLATE_MISSING, List.of("templateNotFound")),
      entry(ProviderStates.COUPON_HAS_SESSIONS, List.of("success")),
      entry(ProviderStates.SESSION_EXISTS, List.of("success")),
      entry(ProviderStates.SESSION_MISSING,
          List.of("couponSessionNotFound", "couponSessionDoesNotExist")),
      entry(ProviderStates.SESSION_CLAIMED, List.of("success")),
      entry(ProviderStates.SESSION_ALREADY_VALIDATED, List.of("sessionAlreadyValidated")),
      entry(ProviderStates.SESSIONS_CLAIMED_FROM_SEQUENCE, List.of("success")),
      entry(ProviderStates.SESSIONS_ALREADY_VALIDATED_FROM_SEQUENCE,
          List.of("sessionsAlreadyValidated")),
      entry(ProviderStates.SESSION_WITH_VALIDATION_CODE, List.of("success")),
      entry(ProviderStates.NO_SESSION_FOR_EMAIL, List.of("noResults")),
      entry(ProviderStates.SINGLE_USE_URL_EXISTS_FOR_EMAIL, List.of("duplicateFound")),
      entry(ProviderStates.VALIDATION_CODES_EXHAUSTED, List.of("lowOnValidationCodes")),
      entry(ProviderStates.EMAIL_INTEGRATION, List.of("success")),
      entry(ProviderStates.NO_EMAIL_INTEGRATION, List.of("emailIntegrationMissing")),
      entry(ProviderStates.SMS_INTEGRATION, List.of("success")),
      entry(ProviderStates.NO_SMS_INTEGRATION, List.of("smsIntegrationMissing")),
      entry(ProviderStates.WALLET_USERS, List.of("success")),
      entry(ProviderStates.NO_WALLET_USERS, List.of("noWalletUsers")),
      entry(ProviderStates.SESSION_IN_WALLET, List.of("success")),
      entry(ProviderStates.SMS_SERVICE_CONNECTED, List.of("success")),
      entry(ProviderStates.SMS_SERVICE_NOT_CONNECTED, List.of("smsServiceNotConnected")),
      entry(ProviderStates.TWO_SMS_GROUPS, List.of("success")),
      entry(ProviderStates.SMS_GROUP_WITH_CONTACTS, List.of("success")),
      entry(ProviderStates.SMS_GROUP_EXISTS, List.of("success")),
      entry(ProviderStates.SMS_GROUP_MISSING, List.of("groupNotFound")),
      entry(ProviderStates.EMAIL_SERVICE_CONNECTED, List.of("success")),
      entry(ProviderStates.EMAIL_SERVICE_NOT_CONNECTED, List.of("emailServiceNotConnected")),
      entry(ProviderStates.TWO_EMAIL_GROUPS, List.of("success")),
      entry(ProviderStates.EMAIL_GROUP_WITH_CONTACTS, List.of("success")),
      entry(ProviderStates.EMAIL_GROUP_EXISTS, List.of("success")),
      entry(ProviderStates.EMAIL_GROUP_MISSING, List.of("groupNotFound")),
      entry(ProviderStates.WEBHOOK_SENT, List.of("success")),
      entry(ProviderStates.WEBHOOK_UNKNOWN, List.of("webhookNotFound")),
      entry(ProviderStates.WEBHOOK_V3_SENT, List.of("success")),
      entry(ProviderStates.SUBACCOUNT_EXISTS, List.of("success")),
      entry(ProviderStates.SUBACCOUNT_MISSING, List.of("subaccountNotCorrect")));

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
    OpenApiSpec.Operation operation = OpenApiSpec.CONTRACT.operationAt(method, path)
        .orElseThrow(() -> new AssertionError("'" + interaction.getDescription() + "' calls "
            + method + " " + path + ", which is not an operation of the contract"));
    List<String> documented = operation.responseExampleNames(status);
    Set<String> candidates = new LinkedHashSet<>();
    for (ProviderState state : interaction.getProviderStates()) {
      List<String> examples = EXAMPLES_BY_STATE.get(state.getName());
      if (examples == null) {
        throw new AssertionError("No mock example is mapped for the provider state '"
            + state.getName() + "' of '" + interaction.getDescription()
            + "': add it to MockProviderVerificationIT.EXAMPLES_BY_STATE");
      }
      examples.stream().filter(documented::contains).forEach(candidates::add);
    }
    if (candidates.size() != 1) {
      throw new AssertionError("The provider states " + interaction.getProviderStates().stream()
          .map(ProviderState::getName).collect(Collectors.toList()) + " of '"
          + interaction.getDescription() + "' must name exactly one example that "
          + operation.operationId + " documents for HTTP " + status + " (it documents "
          + documented + "), found " + candidates);
    }
    return "code=" + status + ", example=" + candidates.iterator().next();
  }
}
