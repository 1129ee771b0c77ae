package io.github.coupontools.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.coupontools.openapi.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PactCheck} on pacts written here from the contract's own examples: one interaction per
 * operation (its first request example and its first 200 example) matches; the same interaction
 * expecting a response field the contract does not have, or sending a value of the wrong type,
 * fails with the interaction, the field and the rule.
 */
class PactCheckTest {

  @TempDir
  Path pacts;

  @Test
  void aPactOfEveryOperationsExamplesMatchesTheContract() throws IOException {
    List<Spec.Operation> operations = Spec.load().operations().stream()
        .filter(hasJsonSuccessExample()).collect(Collectors.toList());
    ObjectNode pact = pact("shop");
    operations.forEach(operation -> interactions(pact).add(interaction(operation)));
    Path file = write(pact, "shop-coupontools-api.json");

    List<PactCheck.Violation> violations = PactCheck.ofBundledContract().violations(file);

    assertThat(operations).as("operations with a JSON 200 example").isNotEmpty();
    assertThat(violations).as("findings").filteredOn(PactCheck.Violation::isError).isEmpty();
    PactCheck.ofBundledContract().verifyAll(pacts);
  }

  @Test
  void anUnknownResponseFieldAndAWronglyTypedRequestFieldFailNamingInteractionFieldAndRule()
      throws IOException {
    Spec.Operation operation = Spec.load().operations().stream()
        .filter(hasJsonSuccessExample())
        .filter(op -> op.responseExampleNames(200).stream()
            .allMatch(name -> op.responseExample(200, name).isObject()))
        .filter(op -> op.requestExamples().values().stream().anyMatch(JsonNode::isObject))
        .findFirst().orElseThrow();
    ObjectNode interaction = interaction(operation);
    ObjectNode response = (ObjectNode) interaction.at("/response/body/content");
    response.put("undocumented_total", 7);
    ObjectNode request = (ObjectNode) interaction.at("/request/body/content");
    String field = request.fieldNames().next();
    request.set(field, Spec.JSON.createArrayNode().add(1).add(2));
    ObjectNode pact = pact("legacy");
    interactions(pact).add(interaction);
    Path file = write(pact, "legacy-coupontools-api.json");

    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> PactCheck.ofBundledContract().verify(file));

    String description = description(operation);
    assertThat(error).as("verify of a mismatching pact").isNotNull();
    assertThat(error.getMessage())
        .startsWith("The pact legacy-coupontools-api.json does not match the Coupontools contract")
        .contains("interaction '" + description + "': response.body field '(body)': Response"
            + " body is incompatible with the response body schema in the spec file: must NOT have"
            + " additional properties - undocumented_total [response.body.incompatible]")
        .contains("interaction '" + description + "': request.body field '" + field + "': Request"
            + " body is incompatible with the request body schema in the spec file: ")
        .contains("[request.body.incompatible]");
    assertThat(PactCheck.pactFiles(pacts)).containsExactly(file);
  }

  @Test
  void pactsOfOtherProvidersAreNotPickedUp() throws IOException {
    ObjectNode other = pact("shop");
    ((ObjectNode) other.get("provider")).put("name", "payments-api");
    write(other, "shop-payments-api.json");

    assertThat(PactCheck.pactFiles(pacts)).isEmpty();
    AssertionError none = catchThrowableOfType(AssertionError.class,
        () -> PactCheck.ofBundledContract().verifyAll(pacts));
    assertThat(none).hasMessageContaining("No pact for the provider 'coupontools-api'");
  }

  private static Predicate<Spec.Operation> hasJsonSuccessExample() {
    return operation -> operation.responseExampleNames(200).stream()
        .anyMatch(name -> operation.responseExample(200, name).isContainerNode());
  }

  private static String description(Spec.Operation operation) {
    return "a " + operation.operationId() + " request";
  }

  private static ObjectNode pact(String consumer) {
    ObjectNode pact = Spec.JSON.createObjectNode();
    pact.putObject("consumer").put("name", consumer);
    pact.putObject("provider").put("name", PactCheck.PROVIDER);
    pact.putArray("interactions");
    pact.putObject("metadata").putObject("pactSpecification").put("version", "4.0");
    return pact;
  }

  private static ArrayNode interactions(ObjectNode pact) {
    return (ArrayNode) pact.get("interactions");
  }

  private static ObjectNode interaction(Spec.Operation operation) {
    ObjectNode interaction = Spec.JSON.createObjectNode();
    interaction.put("type", "Synchronous/HTTP");
    interaction.put("description", description(operation));
    interaction.putArray("providerStates").addObject().put("name", "an account");
    ObjectNode request = interaction.putObject("request");
    request.put("method", operation.method().toUpperCase());
    request.put("path", operation.examplePath());
    ObjectNode headers = request.putObject("headers");
    headers.putArray("Content-Type").add("application/json");
    headers.putArray("X-Client-Id").add(PrismMock.CLIENT_ID);
    headers.putArray("X-Client-Secret").add(PrismMock.CLIENT_SECRET);
    // The v4 loyalty calls take the same credentials as x-api-key / x-api-secret.
    headers.putArray("x-api-key").add(PrismMock.CLIENT_ID);
    headers.putArray("x-api-secret").add(PrismMock.CLIENT_SECRET);
    if (operation.hasRequestBody()) {
      body(request, operation.requestExamples().isEmpty()
          ? Spec.JSON.createObjectNode() : operation.firstRequestExample().deepCopy());
    }
    ObjectNode response = interaction.putObject("response");
    response.put("status", 200);
    response.putObject("headers").putArray("Content-Type").add("application/json");
    String example = operation.responseExampleNames(200).stream()
        .filter(name -> operation.responseExample(200, name).isContainerNode()).findFirst()
        .orElseThrow();
    body(response, operation.responseExample(200, example));
    return interaction;
  }

  private static void body(ObjectNode message, JsonNode content) {
    ObjectNode body = message.putObject("body");
    body.put("contentType", "application/json");
    body.put("encoded", false);
    body.set("content", content);
  }

  private Path write(ObjectNode pact, String name) throws IOException {
    Path file = pacts.resolve(name);
    Files.writeString(file, Spec.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pact));
    return file;
  }
}
