package io.github.coupontools.examples;

import io.github.coupontools.sdk.CouponToolsClient;
import java.time.Duration;

/**
 * The client's settings: credentials, base URL, timeouts, retries, request log, a view with
 * other options for slow calls, and one whose calls are bounded as a whole. Reads the same environment variables as the other examples.
 */
public final class ConfigureClient {

  private ConfigureClient() {}

  public static void main(String[] args) {
    String baseUrl = System.getenv().getOrDefault("COUPONTOOLS_BASE_URL", "https://api.coupontools.com");
    // snippet:configure-client
    CouponToolsClient client = CouponToolsClient.builder()
        .clientId(System.getenv("COUPONTOOLS_CLIENT_ID"))
        .clientSecret(System.getenv("COUPONTOOLS_CLIENT_SECRET"))
        .baseUrl(baseUrl)                        // https://api.coupontools.com by default
        .connectTimeout(Duration.ofSeconds(5))   // default 10 s
        .readTimeout(Duration.ofSeconds(20))     // default 30 s
        .maxRetries(3)                           // default 2; see "Retries" below
        .logRequests(true)                       // one SLF4J INFO line per call, never a secret
        .build();
    // Same connections, other options: a slow export without retries.
    CouponToolsClient exports = client.withOptions(client.options()
        .withReadTimeout(Duration.ofMinutes(2)).withMaxRetries(0));
    // end-snippet
    // snippet:bounded-calls
    // Every call of this view ends within 30 s, retries included, and reads at most 8 MB.
    CouponToolsClient bounded = client.withOptions(client.options()
        .withReadTimeout(Duration.ofSeconds(10))    // the whole response, not each read
        .withCallTimeout(Duration.ofSeconds(30))    // all attempts and waits together
        .withMaxResponseBytes(8L * 1024 * 1024));   // default 32 MB
    // end-snippet
    try (client) {
      System.out.println(client);
      System.out.println(exports.options());
      System.out.println(bounded.options());
      System.out.println(client.coupons().listCoupons(
          new io.github.coupontools.sdk.model.ListCouponsRequest()).getAmountOfCampaigns()
          + " coupon(s)");
    }
  }
}
