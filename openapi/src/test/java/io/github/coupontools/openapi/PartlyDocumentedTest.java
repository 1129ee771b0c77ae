package io.github.coupontools.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * An operation whose response the documentation does not show says so: it carries
 * {@value #EXTENSION} (one sentence naming the wider documentation's IDs), its {@code success}
 * example is marked {@value #ILLUSTRATIVE} with a description saying it was not captured, and its
 * response schema is open. And the other way round: a success example marked illustrative belongs
 * to an operation carrying the extension.
 */
class PartlyDocumentedTest {

  static final String EXTENSION = "x-coupontools-partly-documented";
  static final String ILLUSTRATIVE = "Illustrative:";

  @TestFactory
  @DisplayName("an operation has the partly-documented extension exactly when its success example"
      + " is illustrative")
  Stream<DynamicTest> extensionAndIllustrativeExampleGoTogether() {
    Spec spec = Spec.load();
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec.Operation op : spec.operations()) {
      tests.add(dynamicTest(op.toString(), () -> {
        JsonNode success = spec.resolve(op.definition()
            .at("/responses/200/content/application~1json/examples/success"));
        boolean illustrative = success.path("summary").asText().startsWith(ILLUSTRATIVE);
        boolean marked = op.definition().has(EXTENSION);
        assertThat(illustrative)
            .as("%s: %s is %s, but the success example's summary '%s' %s with '%s'", op,
                EXTENSION, marked ? "set" : "absent", success.path("summary").asText(),
                marked ? "does not start" : "starts", ILLUSTRATIVE)
            .isEqualTo(marked);
        if (marked) {
          assertThat(op.definition().path(EXTENSION).asText())
              .as("%s %s: one sentence citing the wider documentation's IDs", op, EXTENSION)
              .matches("(?s).*\\b[A-Z][0-9]+\\b.*")
              .endsWith(".");
          assertThat(success.path("description").asText())
              .as("%s: the illustrative success example says it is not captured", op)
              .contains("Not captured from the API");
          JsonNode schema = spec.resolve(op.definition()
              .at("/responses/200/content/application~1json/schema"));
          if (schema.has("items")) {
            schema = spec.resolve(schema.get("items"));
          }
          assertThat(schema.path("additionalProperties").asBoolean(true))
              .as("%s: the response schema of a partly documented operation (or of the items of"
                  + " its bare array) is open (additionalProperties absent or true)", op)
              .isTrue();
        }
      }));
    }
    return tests.stream();
  }

  /** Guards the test above against passing vacuously. */
  @Test
  void theContractHasPartlyDocumentedOperations() {
    assertThat(Spec.load().operations())
        .filteredOn(op -> op.definition().has(EXTENSION))
        .extracting(Spec.Operation::operationId)
        .contains("listDirectoryUsersV3", "createLoyaltyUser", "getSubaccount");
  }
}
