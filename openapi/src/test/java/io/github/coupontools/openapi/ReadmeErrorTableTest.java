package io.github.coupontools.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's table of the errors the mock serves (between {@value #START} and {@value #END}) is
 * generated from the contract and must match it. Regenerate it with
 * {@value #UPDATE_COMMAND}.
 */
class ReadmeErrorTableTest {

  static final String START = "<!-- error-table:start -->";
  static final String END = "<!-- error-table:end -->";
  static final String UPDATE_PROPERTY = "readme.update";
  /** The README to check, set by the build (the repository root's). */
  static final String README_PROPERTY = "coupontools.readme";
  static final String UPDATE_COMMAND =
      "./mvnw -pl openapi test -Dtest=ReadmeErrorTableTest -Dreadme.update=true";

  /** The operation and error example the README's curl line asks the mock for. */
  static final String CURL_OPERATION = "getCoupon";
  static final String CURL_EXAMPLE = "campaignNotFound";
  static final String MOCK_URL = "http://127.0.0.1:4010";

  @Test
  void readmeErrorTableMatchesTheContract() throws IOException {
    Path readme = Paths.get(System.getProperty(README_PROPERTY, "../README.md"));
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    assertThat(start >= 0 && end > start)
        .as("%s must contain the markers %s and %s (in that order) around the error table",
            readme, START, END)
        .isTrue();
    String current = text.substring(start + START.length(), end);
    String generated = System.lineSeparator().equals("\n") ? section(Spec.load())
        : section(Spec.load()).replace("\n", System.lineSeparator());

    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.writeString(readme, text.substring(0, start + START.length()) + generated
          + text.substring(end), StandardCharsets.UTF_8);
      String written = Files.readString(readme, StandardCharsets.UTF_8);
      assertThat(written.substring(written.indexOf(START) + START.length(), written.indexOf(END)))
          .as("error table written to %s", readme).isEqualTo(generated);
      return;
    }
    assertThat(current)
        .as("The error table of %s is out of date with openapi/coupontools.yaml; regenerate it"
            + " with: %s", readme, UPDATE_COMMAND)
        .isEqualTo(generated);
  }

  /** The generator is driven by the contract: it names every operation and error example. */
  @Test
  void generatedTableNamesEveryOperationAndErrorExample() {
    Spec spec = Spec.load();
    String section = section(spec);
    for (Spec.Operation op : spec.operations()) {
      assertThat(section).as("table row of %s", op)
          .contains("| `" + op.path() + "` | `" + op.operationId() + "` |");
      for (Spec.ErrorExample example : op.errorExamples()) {
        if (!example.isShared()) {
          assertThat(section).as("%s in the table", example)
              .contains("`" + example.name() + "` (" + codes(example) + ")");
        }
      }
    }
    assertThat(section).contains("-H 'Prefer: code=422, example=" + CURL_EXAMPLE + "'");
  }

  /** The text between the markers, generated from the contract. */
  static String section(Spec spec) {
    StringBuilder out = new StringBuilder("\n");
    out.append("<!-- Generated from openapi/coupontools.yaml by ReadmeErrorTableTest; ")
        .append("regenerate with: ").append(UPDATE_COMMAND).append(" -->\n");
    out.append("Every documented error of the API is a named example of its operation's error")
        .append(" response. Ask the mock for one with the `Prefer` header: `code=` the HTTP status")
        .append(" it is served on, `example=` its name. ");
    Set<String> shared = new LinkedHashSet<>();
    for (Spec.Operation op : spec.operations()) {
      for (Spec.ErrorExample example : op.errorExamples()) {
        if (example.isShared()) {
          shared.add("`" + example.name() + "` (" + codes(example) + ")");
        }
      }
    }
    if (!shared.isEmpty()) {
      List<String> all = new ArrayList<>(shared);
      out.append("A request without `X-Client-Id` / `X-Client-Secret` gets ").append(all.get(0))
          .append(" on 401 from every operation");
      if (all.size() > 1) {
        out.append(" (the shared 401 response also has ")
            .append(String.join(", ", all.subList(1, all.size()))).append(")");
      }
      out.append("; ");
    }
    out.append("a request the contract rejects gets the documented error of the property that is")
        .append(" wrong (a `missing...` or `invalid...` example of its operation), or the API's")
        .append(" generic parameter error (200 `Missing parameter: X`, 301 `Invalid character in")
        .append(" parameter: X`, 302 for a value outside a list, 300 for parameters that cannot")
        .append(" be combined) when none is documented for it.")
        .append("\n\n");

    out.append("| Path | operationId | HTTP status | Error examples: `name` (code) |\n");
    out.append("| --- | --- | --- | --- |\n");
    for (Spec.Operation op : spec.operations()) {
      Map<Integer, List<String>> byStatus = new LinkedHashMap<>();
      for (Spec.ErrorExample example : op.errorExamples()) {
        if (!example.isShared()) {
          byStatus.computeIfAbsent(example.response().status(), s -> new ArrayList<>())
              .add("`" + example.name() + "` (" + codes(example) + ")");
        }
      }
      String statuses = byStatus.isEmpty() ? "—"
          : byStatus.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
      String examples;
      if (byStatus.isEmpty()) {
        examples = "—";
      } else if (byStatus.size() == 1) {
        examples = String.join(", ", byStatus.values().iterator().next());
      } else {
        examples = byStatus.entrySet().stream()
            .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
            .collect(Collectors.joining("<br>"));
      }
      out.append("| `").append(op.path()).append("` | `").append(op.operationId()).append("` | ")
          .append(statuses).append(" | ").append(examples).append(" |\n");
    }

    Spec.Operation op = spec.operation(CURL_OPERATION);
    Spec.ErrorExample example = op.errorExamples().stream()
        .filter(e -> e.name().equals(CURL_EXAMPLE)).findFirst()
        .orElseThrow(() -> new AssertionError(op + " has no error example " + CURL_EXAMPLE
            + " for the README's curl line"));
    out.append("\nFor example, with the mock running (`mock-server/start`):\n\n```bash\n")
        .append("curl -s -X POST ").append(MOCK_URL).append(op.path())
        .append(" -H 'Content-Type: application/json'")
        .append(" -H 'X-Client-Id: any' -H 'X-Client-Secret: any'")
        .append(" -H 'Prefer: code=").append(example.response().status())
        .append(", example=").append(example.name()).append("'")
        .append(" -d '").append(Spec.text(op.firstRequestExample())).append("'\n```\n");
    return out.toString();
  }

  private static String codes(Spec.ErrorExample example) {
    return example.codes().stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
