package com.example.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.coupontools.mock.CouponToolsMockExtension;
import io.github.coupontools.mock.PrismMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(CouponToolsMockExtension.class)
class CouponListTest {

  private static long classStarted;

  // Runs before JUnit resolves beforeAll's mock parameter: the gap is the mock's start.
  @RegisterExtension
  static final BeforeAllCallback CLOCK = context -> classStarted = System.nanoTime();

  @BeforeAll
  static void recordMockStart(PrismMock mock) throws Exception {
    long millis = (System.nanoTime() - classStarted) / 1_000_000;
    System.out.println("coupontools-mock started in " + millis + " ms");
    Files.writeString(Paths.get(System.getProperty("mock.start.file")), Long.toString(millis));
  }

  @Test
  void runsOnTheProjectsOwnJUnit() {
    assertEquals(System.getProperty("expected.junit.version"),
        Test.class.getPackage().getImplementationVersion());
  }

  @Test
  void mockServesTheContractsCouponList(URI mock) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(mock.resolve("/v3/coupon/list"))
        .header("Content-Type", "application/json")
        .header("X-Client-Id", PrismMock.CLIENT_ID)
        .header("X-Client-Secret", PrismMock.CLIENT_SECRET)
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"cam_123456\""), response.body());
  }
}
