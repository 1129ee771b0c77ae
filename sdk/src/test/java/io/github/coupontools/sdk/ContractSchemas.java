package io.github.coupontools.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Paths;

/**
 * The named schemas of the contract the SDK is generated from ({@code -Dcoupontools.spec}, else
 * {@code ../openapi/coupontools.yaml}), for tests that take their oracle from it.
 */
public final class ContractSchemas {

  private ContractSchemas() {}

  public static JsonNode read() {
    String path = System.getProperty("coupontools.spec", "../openapi/coupontools.yaml");
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(Paths.get(path).toFile())
          .path("components").path("schemas");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
