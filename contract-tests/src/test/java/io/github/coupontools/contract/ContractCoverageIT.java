package io.github.coupontools.contract;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coupontools.openapi.Spec;
import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.service.WebhooksService;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The coverage gate, reading only the pacts, the contract and the SDK's public surface: for every
 * operation of the OpenAPI contract, is there
 * <ul>
 *   <li>an SDK method named after its operationId on one of {@link CouponToolsClient}'s groups,</li>
 *   <li>at least one success (2xx) and one error (4xx) interaction in the pacts, and</li>
 *   <li>a named 200 example in the contract (the sdk module's {@code OperationsAgainstMockTest}
 *       calls every such example through the SDK against the mock, so the example is what makes
 *       an operation mock-tested)?</li>
 * </ul>
 * Prints the answer as a Markdown table, writes it to {@code target/contract-coverage.md}, and
 * fails naming every operation that lacks one of them.
 */
class ContractCoverageIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String YES = "✔";
  private static final String NO = "✘";

  @Test
  void everyOperationHasAnSdkMethodSuccessAndErrorPactsAndAMockServedSuccessExample()
      throws Exception {
    List<Spec.Operation> operations = Spec.load().operations();
    Map<String, String> sdkMethods = sdkMethods();
    PactCounts pacts = pactCounts(operations);

    List<String> gaps = new ArrayList<>();
    StringBuilder table = new StringBuilder()
        .append("# Contract coverage\n\n")
        .append("| Operation | Endpoint | SDK method | Pact success | Pact error "
            + "| 200 examples (mock-backed SDK test) |\n")
        .append("|---|---|---|---:|---:|---|\n");
    for (Spec.Operation operation : operations) {
      String id = operation.operationId();
      String sdkMethod = sdkMethods.get(id);
      int success = pacts.success.getOrDefault(id, 0);
      int error = pacts.error.getOrDefault(id, 0);
      List<String> successExamples = operation.responseExampleNames(200);
      if (sdkMethod == null) {
        gaps.add(id + ": no SDK method " + id + "(...) on any CouponToolsClient group");
      }
      if (success == 0) {
        gaps.add(id + ": no success (2xx) interaction in the pacts");
      }
      if (error == 0) {
        gaps.add(id + ": no error (4xx) interaction in the pacts");
      }
      if (successExamples.isEmpty()) {
        gaps.add(id + ": no named 200 example, so no mock-backed SDK test calls it");
      }
      table.append("| ").append(id)
          .append(" | ").append(operation.method().toUpperCase(Locale.ROOT)).append(' ')
          .append(operation.path())
          .append(" | ").append(sdkMethod == null ? NO : YES + " " + sdkMethod)
          .append(" | ").append(success)
          .append(" | ").append(error)
          .append(" | ").append(successExamples.isEmpty() ? NO : String.join(", ", successExamples))
          .append(" |\n");
    }
    if (!pacts.unknown.isEmpty()) {
      gaps.add("interactions calling no operation of the contract: " + pacts.unknown);
    }
    table.append('\n').append(operations.size()).append(" operations, ")
        .append(pacts.total).append(" pact interactions.\n");

    Path report = ContractFiles.coverageReport();
    Files.createDirectories(report.getParent());
    Files.writeString(report, table, StandardCharsets.UTF_8);
    System.out.println(table);
    System.out.println("Written to " + report);

    if (!gaps.isEmpty()) {
      fail("Contract coverage gate failed for " + gaps.size() + " item(s):"
          + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", gaps));
    }
  }

  /** operationId -> "group().method" for the public methods of the client's generated services. */
  private static Map<String, String> sdkMethods() {
    Map<String, String> methods = new TreeMap<>();
    for (Method group : CouponToolsClient.class.getMethods()) {
      Class<?> api = group.getReturnType();
      if (group.getParameterCount() == 0 && !Modifier.isStatic(group.getModifiers())
          && api.getPackageName().endsWith(".service")) {
        addOperations(methods, group.getName() + "()", api);
      }
    }
    addOperations(methods, "webhooks().service()", WebhooksService.class);
    return methods;
  }

  private static void addOperations(Map<String, String> methods, String prefix, Class<?> api) {
    for (Method operation : api.getMethods()) {
      if (Modifier.isPublic(operation.getModifiers()) && !Modifier.isStatic(operation.getModifiers())
          && operation.getDeclaringClass() == api && !operation.getName().equals("toString")) {
        methods.putIfAbsent(operation.getName(), prefix + "." + operation.getName());
      }
    }
  }

  private static final class PactCounts {
    final Map<String, Integer> success = new TreeMap<>();
    final Map<String, Integer> error = new TreeMap<>();
    final List<String> unknown = new ArrayList<>();
    int total;
  }

  /** Interactions per operation (by method and path), split by response status class. */
  private static PactCounts pactCounts(List<Spec.Operation> operations) throws IOException {
    PactCounts counts = new PactCounts();
    for (Path pact : ContractFiles.pactFiles()) {
      for (JsonNode interaction : JSON.readTree(pact.toFile()).path("interactions")) {
        counts.total++;
        String method = interaction.path("request").path("method").asText("");
        String path = interaction.path("request").path("path").asText("");
        int status = interaction.path("response").path("status").asInt(0);
        Optional<Spec.Operation> operation = Spec.load().operationAt(method, path);
        if (operation.isEmpty()) {
          counts.unknown.add(method + " " + path + " ('"
              + interaction.path("description").asText() + "' in " + pact.getFileName() + ")");
        } else if (status >= 200 && status < 300) {
          counts.success.merge(operation.get().operationId(), 1, Integer::sum);
        } else if (status >= 400 && status < 500) {
          counts.error.merge(operation.get().operationId(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }
}
