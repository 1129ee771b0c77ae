package io.github.coupontools.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.coupontools.openapi.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every pact the consumer tests wrote is checked against the OpenAPI contract with
 * {@code swagger-mock-validator} (pinned in {@code mock-server/package.json}; it reads V4 pacts):
 * each interaction's path and method must be an operation of the contract, its request headers,
 * body and credentials must fit the request schema and security schemes, and its response
 * status, headers and body must be documented. Any error fails the build; the validator's report
 * is printed either way.
 */
class PactsMatchSpecIT {

  private static final long TIMEOUT_SECONDS = 120;

  @TestFactory
  Stream<DynamicTest> everyPactFitsTheOpenApiContract() throws IOException {
    List<Path> pacts = ContractFiles.pactFiles();
    Path validator = ContractFiles.mockValidator();
    Path spec = Spec.file();
    return pacts.stream().map(pact -> dynamicTest(pact.getFileName().toString(), () -> {
      Result result = run(List.of(validator.toString(), spec.toString(), pact.toString()));
      System.out.println("swagger-mock-validator " + spec.getFileName() + " "
          + pact.getFileName() + " (exit " + result.exitCode + "):" + System.lineSeparator()
          + result.output);
      assertThat(result.exitCode)
          .as("swagger-mock-validator found the pact %s incompatible with %s:%n%s",
              pact.getFileName(), spec, result.output)
          .isZero();
      assertThat(result.output).as("validator summary").contains("0 error(s)");
    }));
  }

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("swagger-mock-validator", ".log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("swagger-mock-validator did not finish within "
            + TIMEOUT_SECONDS + " s: " + command);
      }
      String output = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
          .filter(line -> !line.startsWith("    at "))
          .collect(Collectors.joining(System.lineSeparator()));
      return new Result(process.exitValue(), output);
    } finally {
      try {
        Files.deleteIfExists(log);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class Result {
    final int exitCode;
    final String output;

    Result(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }
}
