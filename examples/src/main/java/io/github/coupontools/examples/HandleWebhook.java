package io.github.coupontools.examples;

import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.WebhookEvent;
import io.github.coupontools.sdk.Webhooks;
import io.github.coupontools.sdk.model.CouponWebhookEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * What a webhook endpoint does with a posted body: parse it, verify it with the API (Coupontools
 * signs nothing), then act on it. Usage: {@code HandleWebhook <file with the JSON body>}.
 */
public final class HandleWebhook {

  private HandleWebhook() {}

  public static void main(String[] args) throws IOException {
    String body = args.length > 0
        ? Files.readString(Paths.get(args[0]), StandardCharsets.UTF_8)
        : new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    try (CouponToolsClient client = Env.client()) {
      // snippet:handle-webhook
      WebhookEvent event = client.webhooks().parse(body);
      Webhooks.Verification verification = client.webhooks().verify(event);
      if (!verification.verified()) {
        System.out.println("Rejected " + event.id() + ": " + verification.problems());
        return;
      }
      switch (event.kind()) {
        case COUPON:
          CouponWebhookEvent coupon = event.as(CouponWebhookEvent.class).orElseThrow();
          System.out.println("Verified " + event.type() + " of session " + coupon.getSession()
              + " (coupon " + coupon.getCampaign() + ")");
          break;
        case UNKNOWN:
          System.out.println("Verified " + event.type() + ", not handled: " + event.raw());
          break;
        default:
          System.out.println("Verified " + event.kind() + " event " + event.id());
      }
      // end-snippet
    }
  }
}
