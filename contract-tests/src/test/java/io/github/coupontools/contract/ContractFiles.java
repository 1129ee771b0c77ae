package io.github.coupontools.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the integration tests find their inputs: the failsafe configuration sets these system
 * properties; the defaults are the same paths relative to the module, for a run from the IDE.
 */
final class ContractFiles {

  private ContractFiles() {}

  static Path pactDirectory() {
    return path("contract.pacts", "target/pacts");
  }

  /** The pact files the consumer tests wrote; fails when there are none. */
  static List<Path> pactFiles() {
    Path directory = pactDirectory();
    List<Path> pacts;
    try (Stream<Path> files = Files.exists(directory) ? Files.list(directory) : Stream.empty()) {
      pacts = files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (pacts.isEmpty()) {
      throw new IllegalStateException("No pact files in " + directory.toAbsolutePath()
          + ": the consumer tests (*ContractTest, surefire) write them; run"
          + " ./mvnw -pl contract-tests verify, not the integration tests alone.");
    }
    return pacts;
  }

  static Path coverageReport() {
    return path("contract.coverageReport", "target/contract-coverage.md");
  }

  static Path mockValidator() {
    Path validator = path("contract.mockValidator",
        "../mock-server/node_modules/.bin/swagger-mock-validator");
    if (!Files.isExecutable(validator)) {
      throw new IllegalStateException("swagger-mock-validator is not installed at "
          + validator.toAbsolutePath() + ": build the mock-server module (it runs"
          + " mock-server/install) or run: cd mock-server && ./install");
    }
    return validator;
  }

  private static Path path(String property, String fallback) {
    String configured = System.getProperty(property);
    return Paths.get(configured == null || configured.isBlank() ? fallback : configured)
        .toAbsolutePath().normalize();
  }
}
