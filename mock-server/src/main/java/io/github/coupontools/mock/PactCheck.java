package io.github.coupontools.mock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks your own pact files against the Coupontools contract, offline: every interaction your
 * consumer tests recorded for the provider {@value #PROVIDER} must be an operation of the
 * contract, send the credentials and a request body the contract accepts, and expect a status and
 * a response body the contract documents. It runs the validator this project checks its own pacts
 * with ({@code @pactflow/swagger-mock-validator}, pinned by this artifact's
 * {@code package-lock.json} and installed with Prism on first use, see {@link PrismInstallation}).
 *
 * <pre>{@code
 * PactCheck.ofBundledContract().verify(Paths.get("target/pacts/checkout-coupontools-api.json"));
 * }</pre>
 *
 * <p>{@link #verify} fails with an {@link AssertionError} naming, for each violation, the
 * interaction, the field and the rule; {@link PactContractTests} is the JUnit 5 form.
 */
public final class PactCheck {

  /** The provider name your pacts give the Coupontools API. */
  public static final String PROVIDER = "coupontools-api";

  private static final String VALIDATOR = "@pactflow/swagger-mock-validator";
  private static final long TIMEOUT_SECONDS = 120;
  private static final Pattern PROVIDER_NAME =
      Pattern.compile("\"provider\"\\s*:\\s*\\{\\s*\"name\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern BODY_FIELD = Pattern.compile("\\.(request|response)\\.body(.*)$");

  private final Path spec;

  private PactCheck(Path spec) {
    this.spec = spec;
  }

  /**
   * Checks against the contract this artifact carries (from {@code coupontools-openapi}), or the
   * file named by the system property {@value PrismMock#SPEC_PROPERTY}, as the mock serves.
   */
  public static PactCheck ofBundledContract() {
    return new PactCheck(PrismMock.spec());
  }

  /** Checks against another OpenAPI file, for instance a newer contract. */
  public static PactCheck of(Path spec) {
    return new PactCheck(Objects.requireNonNull(spec, "spec"));
  }

  /**
   * The pact files in the folder (not its subfolders) whose provider is {@value #PROVIDER},
   * sorted by name.
   */
  public static List<Path> pactFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      return Collections.emptyList();
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> pacts = new ArrayList<>();
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
          .sorted().collect(Collectors.toList())) {
        Matcher provider = PROVIDER_NAME.matcher(Files.readString(file, StandardCharsets.UTF_8));
        if (provider.find() && PROVIDER.equals(provider.group(1))) {
          pacts.add(file);
        }
      }
      return pacts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fails with an {@link AssertionError} listing every error the validator finds in the pact:
   * the interaction, the field (or header, path, status) and the rule it breaks.
   */
  public void verify(Path pact) {
    List<Violation> errors = violations(pact).stream().filter(Violation::isError)
        .collect(Collectors.toList());
    if (!errors.isEmpty()) {
      throw new AssertionError(describe(pact, errors));
    }
  }

  /** {@link #verify} for each pact of {@link #pactFiles}; fails when there is none. */
  public void verifyAll(Path directory) {
    List<Path> pacts = pactFiles(directory);
    if (pacts.isEmpty()) {
      throw new AssertionError("No pact for the provider '" + PROVIDER + "' in "
          + directory.toAbsolutePath() + ": do your consumer tests name that provider, and"
          + " did they run first?");
    }
    List<String> failures = new ArrayList<>();
    for (Path pact : pacts) {
      try {
        verify(pact);
      } catch (AssertionError e) {
        failures.add(e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(String.join(System.lineSeparator(), failures));
    }
  }

  /** Everything the validator reports about the pact, errors and warnings. */
  public List<Violation> violations(Path pact) {
    if (!Files.isRegularFile(pact)) {
      throw new IllegalArgumentException("No pact file at " + pact.toAbsolutePath());
    }
    Path nodeModules = PrismInstallation.nodeModules(PrismInstallation.locate());
    if (!Files.isDirectory(nodeModules.resolve(VALIDATOR))) {
      throw new IllegalStateException(VALIDATOR + " is not installed in " + nodeModules
          + ": that Prism installation predates the pact check; let coupontools-mock install"
          + " its own (unset " + PrismInstallation.PRISM_PROPERTY + ") or run 'npm ci' with"
          + " this artifact's package.json there.");
    }
    List<String> command = List.of(PrismInstallation.nodeCommand(),
        PrismInstallation.npmResourceCopy("check-pacts.js").toString(),
        spec.toAbsolutePath().toString(), pact.toAbsolutePath().toString());
    Path out = null;
    try {
      out = Files.createTempFile("coupontools-pact-check-", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(out.toFile());
      builder.environment().put("NODE_PATH", nodeModules.toString());
      Process node;
      try {
        node = builder.start();
      } catch (IOException e) {
        throw new IllegalStateException(PrismInstallation.nodeMissingMessage(), e);
      }
      if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        throw new IllegalStateException(VALIDATOR + " did not finish within " + TIMEOUT_SECONDS
            + " s on " + pact);
      }
      List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
      if (node.exitValue() == 127) {
        throw new IllegalStateException(PrismInstallation.nodeMissingMessage());
      }
      if (node.exitValue() > 1) {
        throw new IllegalStateException(VALIDATOR + " could not check " + pact + " against "
            + spec + ":" + System.lineSeparator() + String.join(System.lineSeparator(), lines));
      }
      return parse(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while checking " + pact, e);
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException ignored) {
          // A temporary file left behind; the check's outcome matters more.
        }
      }
    }
  }

  private static List<Violation> parse(List<String> lines) {
    List<Violation> violations = new ArrayList<>();
    for (String line : lines) {
      String[] parts = line.split("\t", -1);
      if (parts.length == 7 && parts[0].equals("RESULT")) {
        violations.add(new Violation(parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]));
      }
    }
    return Collections.unmodifiableList(violations);
  }

  private String describe(Path pact, List<Violation> errors) {
    StringBuilder message = new StringBuilder("The pact ").append(pact.getFileName())
        .append(" does not match the Coupontools contract (").append(errors.size())
        .append(errors.size() == 1 ? " error" : " errors").append("):");
    for (Violation error : errors) {
      message.append(System.lineSeparator()).append("  - ").append(error);
    }
    return message.toString();
  }

  /** One finding of the validator about one interaction. */
  public static final class Violation {
    private final String type;
    private final String rule;
    private final String interaction;
    private final String state;
    private final String location;
    private final String message;

    Violation(String type, String rule, String interaction, String state, String location,
        String message) {
      this.type = type;
      this.rule = rule;
      this.interaction = interaction;
      this.state = state;
      this.location = location;
      this.message = message;
    }

    /** Whether it fails the check ({@code error}) or is only reported ({@code warning}). */
    public boolean isError() {
      return "error".equals(type);
    }

    /** The validator's rule, for example {@code request.body.incompatible}. */
    public String rule() {
      return rule;
    }

    /** The description of the interaction ({@code uponReceiving}), or empty. */
    public String interaction() {
      return interaction;
    }

    /** The provider state of the interaction, or empty. */
    public String state() {
      return state;
    }

    /**
     * Where in the pact, for example {@code request.body.coupon.discount} or
     * {@code response.status}.
     */
    public String location() {
      return location;
    }

    /**
     * The body field the finding is about ({@code coupon.discount}, or {@code (body)} for the
     * body as a whole), or empty when it is not about a body.
     */
    public String field() {
      Matcher body = BODY_FIELD.matcher("." + location);
      if (!body.find()) {
        return "";
      }
      String field = body.group(2).startsWith(".") ? body.group(2).substring(1) : body.group(2);
      return field.isEmpty() ? "(body)" : field;
    }

    /** The validator's explanation, with the rule of the contract that was broken. */
    public String message() {
      return message;
    }

    @Override
    public String toString() {
      String where = field().isEmpty() ? location : location.replaceFirst("\\.body.*$", ".body")
          + " field '" + field() + "'";
      return "interaction '" + interaction + "'"
          + (state.isEmpty() ? "" : " (given '" + state + "')")
          + ": " + where + ": " + message + " [" + rule + "]";
    }
  }
}
