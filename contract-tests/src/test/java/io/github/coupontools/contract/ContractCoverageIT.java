package io.github.coupontools.contract;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.service.WebhooksService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The coverage gate: for every operation of the OpenAPI contract, is there
 * <ul>
 *   <li>an SDK method named after its operationId on one of {@link CouponToolsClient}'s groups,</li>
 *   <li>at least one success (2xx) and one error (4xx) interaction in the pacts,</li>
 *   <li>a passing mock-backed SDK test (a testcase of the sdk module's surefire reports whose
 *       name contains the operationId), and</li>
 *   <li>which runnable examples call it (reported, not required)?</li>
 * </ul>
 * Prints the answer as a Markdown table, writes it to {@code target/contract-coverage.md}, and
 * fails naming every operation that lacks one of the required items.
 */
class ContractCoverageIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String YES = "✔";
  private static final String NO = "✘";

  @Test
  void everyOperationHasAnSdkMethodSuccessAndErrorPactsAndAMockBackedTest() throws Exception {
    List<OpenApiSpec.Operation> operations = OpenApiSpec.CONTRACT.operations();
    Map<String, String> sdkMethods = sdkMethods();
    PactCounts pacts = pactCounts(operations);
    Optional<List<String>> passingSdkTests = passingSdkTestNames();
    Map<String, List<String>> examples = exampleUsages(operations);

    List<String> gaps = new ArrayList<>();
    StringBuilder table = new StringBuilder()
        .append("# Contract coverage\n\n")
        .append("| Operation | Endpoint | SDK method | Pact success | Pact error "
            + "| Mock-backed SDK test | Examples |\n")
        .append("|---|---|---|---:|---:|---|---|\n");
    for (OpenApiSpec.Operation operation : operations) {
      String id = operation.operationId;
      String sdkMethod = sdkMethods.get(id);
      int success = pacts.success.getOrDefault(id, 0);
      int error = pacts.error.getOrDefault(id, 0);
      String mockBacked;
      if (passingSdkTests.isPresent()) {
        long tests = passingSdkTests.get().stream().filter(name -> mentions(name, id)).count();
        mockBacked = tests > 0 ? YES + " (" + tests + ")" : NO;
        if (tests == 0) {
          gaps.add(id + ": no passing mock-backed SDK test (no testcase naming it in "
              + ContractFiles.sdkSurefireReports() + ")");
        }
      } else {
        mockBacked = "?";
      }
      if (sdkMethod == null) {
        gaps.add(id + ": no SDK method " + id + "(...) on any CouponToolsClient group");
      }
      if (success == 0) {
        gaps.add(id + ": no success (2xx) interaction in the pacts");
      }
      if (error == 0) {
        gaps.add(id + ": no error (4xx) interaction in the pacts");
      }
      List<String> usedBy = examples.getOrDefault(id, List.of());
      table.append("| ").append(id)
          .append(" | ").append(operation.method).append(' ').append(operation.path)
          .append(" | ").append(sdkMethod == null ? NO : YES + " " + sdkMethod)
          .append(" | ").append(success)
          .append(" | ").append(error)
          .append(" | ").append(mockBacked)
          .append(" | ").append(usedBy.isEmpty() ? "-" : String.join(", ", usedBy))
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

    if (passingSdkTests.isEmpty()) {
      fail("The sdk module's surefire reports (" + ContractFiles.sdkSurefireReports()
          + "/TEST-*.xml) are missing, so the mock-backed SDK tests cannot be checked. The"
          + " coverage gate needs the whole build: run the full ./mvnw verify from the"
          + " repository root.");
    }
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
  private static PactCounts pactCounts(List<OpenApiSpec.Operation> operations) throws IOException {
    PactCounts counts = new PactCounts();
    for (Path pact : ContractFiles.pactFiles()) {
      for (JsonNode interaction : JSON.readTree(pact.toFile()).path("interactions")) {
        counts.total++;
        String method = interaction.path("request").path("method").asText("");
        String path = interaction.path("request").path("path").asText("");
        int status = interaction.path("response").path("status").asInt(0);
        Optional<OpenApiSpec.Operation> operation = operations.stream()
            .filter(o -> o.method.equalsIgnoreCase(method) && o.path.equals(path)).findFirst();
        if (operation.isEmpty()) {
          counts.unknown.add(method + " " + path + " ('"
              + interaction.path("description").asText() + "' in " + pact.getFileName() + ")");
        } else if (status >= 200 && status < 300) {
          counts.success.merge(operation.get().operationId, 1, Integer::sum);
        } else if (status >= 400 && status < 500) {
          counts.error.merge(operation.get().operationId, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** Names of the passing testcases of the sdk module's surefire reports; empty if none exist. */
  private static Optional<List<String>> passingSdkTestNames() throws Exception {
    Path reports = ContractFiles.sdkSurefireReports();
    List<Path> files;
    try (Stream<Path> listing = Files.isDirectory(reports) ? Files.list(reports) : Stream.empty()) {
      files = listing.filter(file -> file.getFileName().toString().matches("TEST-.*\\.xml"))
          .sorted().collect(Collectors.toList());
    }
    if (files.isEmpty()) {
      return Optional.empty();
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    List<String> passing = new ArrayList<>();
    for (Path file : files) {
      Document document = factory.newDocumentBuilder().parse(file.toFile());
      NodeList testcases = document.getElementsByTagName("testcase");
      for (int i = 0; i < testcases.getLength(); i++) {
        Element testcase = (Element) testcases.item(i);
        if (passed(testcase)) {
          passing.add(testcase.getAttribute("name"));
        }
      }
    }
    return Optional.of(passing);
  }

  private static boolean passed(Element testcase) {
    for (Node child = testcase.getFirstChild(); child != null; child = child.getNextSibling()) {
      String name = child.getNodeName();
      if (name.equals("failure") || name.equals("error") || name.equals("skipped")) {
        return false;
      }
    }
    return true;
  }

  /** Whether a test name names the operation as a word ({@code getCoupon} is not in {@code getCouponSession}). */
  private static boolean mentions(String testName, String operationId) {
    return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(operationId) + "(?![A-Za-z0-9_])")
        .matcher(testName).find();
  }

  /** operationId -> the example classes whose source calls {@code .operationId(}. */
  private static Map<String, List<String>> exampleUsages(List<OpenApiSpec.Operation> operations)
      throws IOException {
    Path sources = ContractFiles.examplesSources();
    Map<String, List<String>> usages = new LinkedHashMap<>();
    if (!Files.isDirectory(sources)) {
      System.out.println("No examples sources at " + sources + "; the Examples column is empty.");
      return usages;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(file -> file.toString().endsWith(".java")).sorted()
          .collect(Collectors.toList());
    }
    for (OpenApiSpec.Operation operation : operations) {
      Pattern call = Pattern.compile("\\." + Pattern.quote(operation.operationId) + "\\s*\\(");
      TreeSet<String> users = new TreeSet<>();
      for (Path file : files) {
        if (call.matcher(read(file)).find()) {
          users.add(file.getFileName().toString().replaceFirst("\\.java$", ""));
        }
      }
      if (!users.isEmpty()) {
        usages.put(operation.operationId, new ArrayList<>(users));
      }
    }
    return usages;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
