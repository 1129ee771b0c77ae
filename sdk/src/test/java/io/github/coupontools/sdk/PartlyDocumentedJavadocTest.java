package io.github.coupontools.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coupontools.openapi.Spec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every operation the contract marks {@code x-coupontools-partly-documented} says so in the
 * javadoc of its generated SDK method, with the contract's sentence; no other operation does.
 */
class PartlyDocumentedJavadocTest {

  private static final Path SERVICES =
      Paths.get("target", "generated-sources", "openapi", "src", "main", "java", "io", "github",
          "coupontools", "sdk", "service");
  private static final String NOTE = "<b>Response shape partly documented:</b> ";

  @Test
  void theJavadocOfEveryPartlyDocumentedOperationCarriesTheContractsNote() throws IOException {
    StringBuilder sources = new StringBuilder();
    try (Stream<Path> files = Files.list(SERVICES)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        sources.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    String all = sources.toString();
    List<String> marked = new ArrayList<>();
    for (Spec.Operation op : Spec.load().operations()) {
      String note = op.partlyDocumented();
      if (note == null) {
        continue;
      }
      marked.add(op.operationId());
      int method = all.indexOf(" " + op.operationId() + "(");
      assertThat(method).as("SDK method of %s", op).isPositive();
      String javadoc = all.substring(all.lastIndexOf("/**", method), method);
      assertThat(javadoc).as("javadoc of %s", op)
          .contains(NOTE + htmlEscaped(note));
    }
    assertThat(marked).as("operations marked partly documented").contains("getDirectory",
        "listLoyaltyCardUsers").doesNotContain("listLoyaltyCards", "listCoupons");
    assertThat(all.split(java.util.regex.Pattern.quote(NOTE), -1).length - 1)
        .as("notes in the generated services (two methods per operation)")
        .isEqualTo(marked.size());
  }

  /** The note as the generator's templates write it (jmustache's HTML escaping). */
  private static String htmlEscaped(String text) {
    return text.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;")
        .replace("<", "&lt;").replace(">", "&gt;").replace("`", "&#x60;").replace("=", "&#x3D;");
  }
}
