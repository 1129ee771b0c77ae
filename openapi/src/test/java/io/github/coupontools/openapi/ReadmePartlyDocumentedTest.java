package io.github.coupontools.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The README's list of partly documented operations (between {@value #START} and {@value #END},
 * in "The contract") is generated from the contract's {@code x-coupontools-partly-documented}
 * and must match it. Regenerate it with {@value #UPDATE_COMMAND}.
 */
class ReadmePartlyDocumentedTest {

  static final String START = "<!-- partly-documented:start -->";
  static final String END = "<!-- partly-documented:end -->";
  static final String UPDATE_COMMAND =
      "./mvnw -pl openapi test -Dtest=ReadmePartlyDocumentedTest -Dreadme.update=true";

  @Test
  void readmeListOfPartlyDocumentedOperationsMatchesTheContract() throws IOException {
    Path readme = Paths.get(System.getProperty(ReadmeErrorTableTest.README_PROPERTY,
        "../README.md"));
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    assertThat(start >= 0 && end > start)
        .as("%s must contain the markers %s and %s (in that order)", readme, START, END)
        .isTrue();
    String generated = section(Spec.load());
    if (!System.lineSeparator().equals("\n")) {
      generated = generated.replace("\n", System.lineSeparator());
    }
    if (Boolean.getBoolean(ReadmeErrorTableTest.UPDATE_PROPERTY)) {
      Files.writeString(readme, text.substring(0, start + START.length()) + generated
          + text.substring(end), StandardCharsets.UTF_8);
      return;
    }
    assertThat(text.substring(start + START.length(), end))
        .as("The list of partly documented operations in %s is out of date with"
            + " openapi/coupontools.yaml; regenerate it with: %s", readme, UPDATE_COMMAND)
        .isEqualTo(generated);
  }

  @Test
  void generatedListNamesEveryPartlyDocumentedOperationAndNoOther() {
    Spec spec = Spec.load();
    String section = section(spec);
    for (Spec.Operation op : spec.operations()) {
      String row = "| `" + op.operationId() + "` |";
      if (op.definition().has(PartlyDocumentedTest.EXTENSION)) {
        assertThat(section).as("row of %s", op).contains(row)
            .contains(op.definition().path(PartlyDocumentedTest.EXTENSION).asText());
      } else {
        assertThat(section).as("row of %s", op).doesNotContain(row);
      }
    }
  }

  /** The text between the markers, generated from the contract. */
  static String section(Spec spec) {
    StringBuilder out = new StringBuilder("\n");
    out.append("<!-- Generated from openapi/coupontools.yaml by ReadmePartlyDocumentedTest; ")
        .append("regenerate with: ").append(UPDATE_COMMAND).append(" -->\n");
    out.append("| Operation | Endpoint | What the documentation shows and what it does not |\n");
    out.append("| --- | --- | --- |\n");
    for (Spec.Operation op : spec.operations()) {
      if (op.definition().has(PartlyDocumentedTest.EXTENSION)) {
        out.append("| `").append(op.operationId()).append("` | `")
            .append(op.method().toUpperCase(java.util.Locale.ROOT)).append(' ').append(op.path())
            .append("` | ")
            .append(op.definition().path(PartlyDocumentedTest.EXTENSION).asText()
                .replace("|", "\\|").replace("\n", " "))
            .append(" |\n");
      }
    }
    return out.toString();
  }
}
