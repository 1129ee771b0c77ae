package io.github.coupontools.sdk;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * The fixture of the tests of one behaviour: WireMock on 127.0.0.1 at a free port (started and
 * stopped by its JUnit 5 extension) and a client without retries pointed at it.
 */
final class LocalWireMock {

  private LocalWireMock() {}

  static WireMockExtension server() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
  }

  /** Credentials {@code <name>-id} and {@code <name>-secret}, so a test can look for them. */
  static CouponToolsClient client(WireMockExtension server, String name) {
    return CouponToolsClient.builder().clientId(name + "-id").clientSecret(name + "-secret")
        .baseUrl(server.baseUrl()).maxRetries(0).build();
  }
}
