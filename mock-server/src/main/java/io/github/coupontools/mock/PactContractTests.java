package io.github.coupontools.mock;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The JUnit 5 form of {@link PactCheck}: one test per pact file of the provider
 * {@value PactCheck#PROVIDER} in a folder, each failing with the interactions, fields and rules
 * that do not match the Coupontools contract.
 *
 * <pre>{@code
 * class PactsMatchCouponToolsContractIT {
 *   @TestFactory
 *   Stream<DynamicTest> ourPactsMatchTheContract() {
 *     return PactContractTests.forPactsIn(Paths.get("target/pacts"));
 *   }
 * }
 * }</pre>
 *
 * <p>Run it after the consumer tests that write the pacts, for example as a failsafe
 * integration test ({@code *IT}) when they run in surefire.
 */
public final class PactContractTests {

  private PactContractTests() {}

  /** One test per pact of {@link PactCheck#pactFiles}, against the bundled contract. */
  public static Stream<DynamicTest> forPactsIn(Path directory) {
    return forPactsIn(directory, PactCheck.ofBundledContract());
  }

  /** One test per pact of {@link PactCheck#pactFiles}, with this check. */
  public static Stream<DynamicTest> forPactsIn(Path directory, PactCheck check) {
    List<Path> pacts = PactCheck.pactFiles(directory);
    if (pacts.isEmpty()) {
      return Stream.of(DynamicTest.dynamicTest("pacts in " + directory,
          () -> check.verifyAll(directory)));
    }
    return pacts.stream().map(pact -> DynamicTest.dynamicTest(
        pact.getFileName() + " matches the Coupontools contract", () -> check.verify(pact)));
  }
}
