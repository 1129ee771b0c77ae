package io.github.coupontools.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract carries every documented error, and nothing else: {@code spec/documented-errors.tsv}
 * (one line per error of the Coupontools documentation: operationId, code, message) and the error
 * examples of the contract match one to one, and every operation answers the shared
 * authentication failure on 401.
 */
class DocumentedErrorsTest {

  private static final String HEADER = "operationId\tcode\tmessage";
  private static final String AUTH_RESPONSE = "#/components/responses/AuthenticationFailed";

  /** One line of documented-errors.tsv. */
  record DocumentedError(int line, String operationId, int code, String message) {
    @Override
    public String toString() {
      return operationId + " " + code + " \"" + message + "\" (documented-errors.tsv line "
          + line + ")";
    }
  }

  private static Spec spec;
  private static List<DocumentedError> documented;

  @BeforeAll
  static void load() throws IOException {
    spec = Spec.load();
    List<String> lines = Files.readAllLines(Spec.testResource("documented-errors.tsv"),
        StandardCharsets.UTF_8);
    assertThat(lines).as("documented-errors.tsv").isNotEmpty();
    assertThat(lines.get(0)).as("header of documented-errors.tsv").isEqualTo(HEADER);
    documented = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length != 3 || !cells[1].matches("[0-9]+")) {
        fail("documented-errors.tsv line " + (i + 1) + " is not 'operationId<TAB>code<TAB>"
            + "message': " + line);
      }
      documented.add(new DocumentedError(i + 1, cells[0], Integer.parseInt(cells[1]), cells[2]));
    }
    assertThat(documented).as("errors listed in documented-errors.tsv").isNotEmpty();
  }

  @TestFactory
  @DisplayName("each documented error is an error example of its operation with that code and"
      + " message")
  Stream<DynamicTest> everyDocumentedErrorIsAnExample() {
    return documented.stream().map(error -> dynamicTest(error.toString(), () -> {
      Spec.Operation op = spec.operations().stream()
          .filter(o -> o.operationId().equals(error.operationId())).findFirst()
          .orElseThrow(() -> new AssertionError(error + ": the contract has no operation '"
              + error.operationId() + "'"));
      List<Spec.ErrorExample> examples = op.errorExamples().stream()
          .filter(e -> !e.isShared()).collect(Collectors.toList());
      assertThat(examples)
          .as("%s: no error example of %s has code %d and message \"%s\"; its error examples"
              + " are:%n%s", error, op, error.code(), error.message(), describe(examples))
          .anySatisfy(example -> assertThat(carries(example, error.code(), error.message()))
              .isTrue());
    }));
  }

  @TestFactory
  @DisplayName("each error example of the contract is a documented error")
  Stream<DynamicTest> everyErrorExampleIsDocumented() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec.Operation op : spec.operations()) {
      for (Spec.ErrorExample example : op.errorExamples()) {
        if (example.isShared()) {
          continue;
        }
        tests.add(dynamicTest(example.toString(), () -> {
          assertThat(example.codes())
              .as("%s %d example '%s': error_code and error_message_description must pair up"
                  + " (codes %s, messages %s)", op.operationId(), example.response().status(),
                  example.name(), example.codes(), example.messages())
              .isNotEmpty()
              .doesNotContainNull()
              .hasSameSizeAs(example.messages());
          for (int i = 0; i < example.codes().size(); i++) {
            int code = example.codes().get(i);
            String message = example.messages().get(i);
            assertThat(documented.stream().anyMatch(d -> d.operationId().equals(op.operationId())
                && d.code() == code && d.message().equals(message)))
                .as("%s %d example '%s' has code %d and message \"%s\", which"
                    + " documented-errors.tsv does not list for %s (it lists: %s)",
                    op.operationId(), example.response().status(), example.name(), code,
                    message, op.operationId(), documented.stream()
                        .filter(d -> d.operationId().equals(op.operationId()))
                        .map(d -> d.code() + " \"" + d.message() + "\"")
                        .collect(Collectors.joining(", ")))
                .isTrue();
          }
        }));
      }
    }
    assertThat(tests).as("error examples in the contract").isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  @DisplayName("each operation answers the shared authentication failure on 401: 1000 first, then"
      + " the account codes 101 and 102")
  Stream<DynamicTest> everyOperationHasTheAuthenticationFailure() {
    return spec.operations().stream().map(op -> dynamicTest(op.toString(), () -> {
      Spec.Response unauthorized = op.response(401).orElseThrow(() -> new AssertionError(
          op + " has no 401 response; add \"'401': {$ref: '" + AUTH_RESPONSE + "'}\""));
      assertThat(unauthorized.sharedRef()).as("%s 401 response", op).isEqualTo(AUTH_RESPONSE);
      assertThat(op.errorExamples()).as("%s 401 examples", op)
          .filteredOn(e -> e.response().status() == 401)
          .extracting(e -> e.codes().get(0))
          .containsExactly(1000, 101, 102);
    }));
  }

  /**
   * The first shared 401 example (the one the mock serves without credentials) carries the
   * documented authentication failure: scalar code 1000.
   */
  @Test
  void authenticationFailureIsTheDocumentedBody() {
    var examples = spec.resolve(spec.root().at("/components/responses/AuthenticationFailed"))
        .at("/content/application~1json/examples");
    assertThat(examples.size()).as("examples of %s", AUTH_RESPONSE).isEqualTo(3);
    var value = examples.elements().next().get("value");
    assertThat(value.at("/status/status").asText()).isEqualTo("failed");
    assertThat(value.at("/status/errors/error_code").isInt())
        .as("error_code of the auth failure is a scalar integer: %s", value).isTrue();
    assertThat(value.at("/status/errors/error_code").asInt()).isEqualTo(1000);
    assertThat(value.at("/status/errors/error_message").asText())
        .isEqualTo("HTTP/1.0 401 Unauthorized. Client ID or Secret not correct.");
  }

  /**
   * No error example is written twice: the error responses of paths refer to named examples of
   * components.examples (or to a shared response), and no two of those carry the same body.
   */
  @Test
  void everyErrorExampleIsWrittenOnce() {
    List<String> inline = new ArrayList<>();
    spec.root().path("paths").properties().forEach(path -> path.getValue().properties()
        .forEach(method -> method.getValue().path("responses").properties().forEach(r -> {
          if (Integer.parseInt(r.getKey()) >= 400 && !r.getValue().has("$ref")) {
            r.getValue().at("/content/application~1json/examples").properties()
                .forEach(e -> {
                  if (!e.getValue().has("$ref")) {
                    inline.add(path.getKey() + " " + r.getKey() + " " + e.getKey());
                  }
                });
          }
        })));
    assertThat(inline).as("error examples written inline in paths").isEmpty();
    List<String> bodies = new ArrayList<>();
    spec.root().at("/components/examples").properties()
        .forEach(e -> bodies.add(Spec.text(e.getValue().path("value"))));
    spec.root().at("/components/responses").properties().forEach(r -> r.getValue()
        .at("/content/application~1json/examples").properties().forEach(e -> {
          if (!e.getValue().has("$ref")) {
            bodies.add(Spec.text(e.getValue().path("value")));
          }
        }));
    assertThat(bodies).as("example bodies of components").isNotEmpty().doesNotHaveDuplicates();
  }

  /** No two lines of documented-errors.tsv are the same error. */
  @Test
  void documentedErrorsAreListedOnce() {
    assertThat(documented.stream()
        .map(d -> d.operationId() + "\t" + d.code() + "\t" + d.message()))
        .as("lines of documented-errors.tsv")
        .doesNotHaveDuplicates();
  }

  private static boolean carries(Spec.ErrorExample example, int code, String message) {
    for (int i = 0; i < Math.min(example.codes().size(), example.messages().size()); i++) {
      if (example.codes().get(i) != null && example.codes().get(i) == code
          && example.messages().get(i).equals(message)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(List<Spec.ErrorExample> examples) {
    return examples.stream().map(e -> "  " + e.response().status() + " '" + e.name() + "' "
        + e.codes() + " " + e.messages()).collect(Collectors.joining(System.lineSeparator()));
  }
}
