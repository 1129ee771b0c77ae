package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.coupontools.mock.PactCheck;
import io.github.coupontools.mock.PactContractTests;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The pacts the consumer tests wrote, checked against the Coupontools contract, offline. */
class PactsMatchCouponToolsContractIT {

  // snippet:pact-check
  @TestFactory
  Stream<DynamicTest> theCheckoutPactMatchesTheContract() {
    return PactContractTests.forPactsIn(Paths.get("target/pacts"));
  }
  // end-snippet

  @Test
  void theLegacyPactFailsNamingTheInteractionTheFieldAndTheRule() {
    Path pact = Paths.get("target/pacts-mismatch/shop-legacy-export-coupontools-api.json");
    List<Path> found = PactCheck.pactFiles(pact.getParent());
    assertEquals(List.of(pact), found);

    AssertionError mismatch = assertThrows(AssertionError.class,
        () -> PactCheck.ofBundledContract().verify(pact));

    System.out.println(mismatch.getMessage());
    assertEquals(EXPECTED, mismatch.getMessage().replace(System.lineSeparator(), "\n"));
  }

  static final String EXPECTED = String.join("\n",
      "The pact shop-legacy-export-coupontools-api.json does not match the Coupontools contract"
          + " (2 errors):",
      "  - interaction 'the coupon cam_123456 with its usage stats and discount': request.body"
          + " field 'show_usage_stats': Request body is incompatible with the request body schema"
          + " in the spec file: must be boolean [request.body.incompatible]",
      "  - interaction 'the coupon cam_123456 with its usage stats and discount': response.body"
          + " field 'coupon_info': Response body is incompatible with the response body schema in"
          + " the spec file: must NOT have additional properties - discount_percent"
          + " [response.body.incompatible]");
}
