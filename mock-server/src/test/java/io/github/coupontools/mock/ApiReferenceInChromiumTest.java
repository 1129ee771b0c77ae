package io.github.coupontools.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.coupontools.openapi.Spec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API reference the build generates ({@code build-reference}, shipped in the jar) as a reader
 * sees it: opened in headless Chromium with the network blocked, it shows a section for every
 * operation of the contract (the anchor the SDK's javadoc links to), the request fields, every
 * documented error code in that operation's examples and every webhook payload, with no console
 * error and no request leaving the file. Keeps {@code target/reference/coupontools-api.png}.
 */
class ApiReferenceInChromiumTest {

  static final String CHROMIUM_PROPERTY = "coupontools.chromium";
  private static final String CHROMIUM_DEFAULT = "/usr/bin/chromium";
  private static final Pattern EXTERNAL_RESOURCE = Pattern.compile(
      "<(?:script|link|img)\\b[^>]*\\b(?:src|href)\\s*=\\s*[\"']?(?:https?:)?//", Pattern.CASE_INSENSITIVE);

  @TempDir
  static Path profile;

  private static Path reference;
  private static JsonNode rendered;
  private static Map<String, String> operationSections;

  @BeforeAll
  static void renderTheReferenceInChromium() throws Exception {
    reference = Paths.get(System.getProperty("coupontools.reference",
        "target/reference/coupontools-api.html")).toAbsolutePath();
    assertThat(reference).as("the reference build-reference writes during the build").isRegularFile();
    Path chromium = chromium();
    Path screenshot = reference.resolveSibling("coupontools-api.png");
    Files.deleteIfExists(screenshot);
    Path out = profile.resolveSibling(profile.getFileName() + "-render.json");
    Path err = profile.resolveSibling(profile.getFileName() + "-render.err");
    Process node = new ProcessBuilder(PrismInstallation.nodeCommand(),
        Paths.get("src/test/node/render-reference.js").toAbsolutePath().toString(),
        chromium.toString(), reference.toString(), screenshot.toString(), profile.toString(),
        linkedOperation())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      assertThat(node.waitFor(180, TimeUnit.SECONDS)).as("Chromium rendered the page").isTrue();
    } finally {
      node.destroyForcibly();
    }
    assertThat(node.exitValue()).as("render-reference.js: %s",
        Files.readString(err, StandardCharsets.UTF_8)).isZero();
    rendered = Spec.json(out);
    operationSections = new LinkedHashMap<>();
    rendered.path("sections").properties().forEach(section ->
        operationSections.put(section.getKey(), section.getValue().asText()));
    System.out.printf("API reference %s: %,d bytes; screenshot %s%n", reference,
        Files.size(reference), screenshot);
    assertThat(screenshot).as("screenshot").isRegularFile();
  }

  /**
   * The command that fails here without Chromium says how to get it rather than skipping: the
   * test is part of the build's proof that the reference renders.
   */
  static Path chromium() {
    String configured = System.getProperty(CHROMIUM_PROPERTY);
    Path chromium = Paths.get(configured == null || configured.isBlank()
        ? CHROMIUM_DEFAULT : configured);
    assertThat(Files.isExecutable(chromium))
        .as("Chromium renders the API reference in this test, and there is none at %s: install"
            + " it with 'sudo apt-get install -y chromium' (Debian, Ubuntu; .ci/run does it), or"
            + " point -D%s at a Chromium or Chrome executable", chromium, CHROMIUM_PROPERTY)
        .isTrue();
    return chromium;
  }

  @Test
  void thePageLoadsNothingFromTheNetworkAndLogsNoError() throws IOException {
    assertThat(rendered.path("requests")).as("requests beyond the file").isEmpty();
    assertThat(rendered.path("consoleErrors")).as("console errors").isEmpty();
    assertThat(rendered.path("pageErrors")).as("uncaught page errors").isEmpty();
    Matcher external = EXTERNAL_RESOURCE.matcher(Files.readString(reference, StandardCharsets.UTF_8));
    assertThat(external.find()).as("a script, stylesheet or image from another host: %s",
        external.find(0) ? external.group() : "").isFalse();
  }

  @Test
  void everyOperationHasItsSectionUnderTheAnchorTheSdkJavadocLinksTo() {
    List<String> missing = new ArrayList<>();
    for (Spec.Operation operation : Spec.load().operations()) {
      if (section(operation).isEmpty()) {
        missing.add(operation.operationId());
      }
    }
    assertThat(missing).as("operations without a section '.../operation/<operationId>'; sections: %s",
        operationSections.keySet()).isEmpty();
    assertThat(rendered.path("text").asText()).as("menu and headings")
        .contains(Spec.load().operations().stream()
            .map(operation -> operation.definition().path("summary").asText()).toArray(String[]::new));
  }

  @Test
  void everyOperationShowsItsRequestFieldsAndItsDocumentedErrorCodes() {
    List<String> missing = new ArrayList<>();
    Spec spec = Spec.load();
    for (Spec.Operation operation : spec.operations()) {
      String text = section(operation);
      if (operation.requestSchema() != null && !operation.requestSchema().isMissingNode()) {
        for (String field : spec.properties(operation.requestSchema()).keySet()) {
          if (!text.contains(field)) {
            missing.add(operation.operationId() + " field " + field);
          }
        }
      }
      for (Spec.ErrorExample error : operation.errorExamples()) {
        for (Integer code : error.codes()) {
          if (code != null && !Pattern.compile("\\b" + code + "\\b").matcher(text).find()) {
            missing.add(operation.operationId() + " " + error.name() + " code " + code);
          }
        }
      }
    }
    assertThat(missing).as("not on the rendered page, in the operation's section").isEmpty();
  }

  @Test
  void everyWebhookPayloadIsListedWithItsExample() {
    String text = rendered.path("text").asText();
    String all = text + String.join("\n", operationSections.values());
    List<String> missing = new ArrayList<>();
    for (Spec.Webhook webhook : Spec.load().webhooks()) {
      String summary = webhook.pathItem().path("post").path("summary").asText();
      if (!text.contains(summary)) {
        missing.add(webhook.name() + " (" + summary + ")");
      }
      webhook.examples().values().forEach(example -> {
        String id = example.path("id").asText();
        if (!id.isEmpty() && !all.contains(id)) {
          missing.add(webhook.name() + " example id " + id);
        }
      });
    }
    assertThat(Spec.load().webhooks()).as("webhooks of the contract").isNotEmpty();
    assertThat(missing).as("webhook payloads not on the rendered page").isEmpty();
  }

  @Test
  void aJavadocLinkToAnOperationOpensItsSection() {
    JsonNode link = rendered.path("link");
    assertThat(link.path("hash").asText()).as("where #operation/%s led", linkedOperation())
        .startsWith("#tag/").endsWith("/operation/" + linkedOperation());
    assertThat(link.path("top").asInt(Integer.MAX_VALUE)).as("section's distance from the top"
        + " of the window").isBetween(-50, 200);
  }

  /** The last operation of the contract: far down the page, so landing there means scrolling. */
  private static String linkedOperation() {
    List<Spec.Operation> operations = Spec.load().operations();
    return operations.get(operations.size() - 1).operationId();
  }

  private static String section(Spec.Operation operation) {
    return operationSections.entrySet().stream()
        .filter(section -> section.getKey().endsWith("/operation/" + operation.operationId()))
        .map(Map.Entry::getValue).findFirst().orElse("");
  }
}
