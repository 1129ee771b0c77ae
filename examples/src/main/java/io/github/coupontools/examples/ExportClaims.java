package io.github.coupontools.examples;

import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.model.ListCouponSessionsRequest;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pages through every claimed session of a coupon and prints them as CSV; pages are fetched only
 * as the loop needs them. Usage: {@code ExportClaims <cam_id> [start yyyy-MM-dd]}.
 */
public final class ExportClaims {

  private ExportClaims() {}

  public static void main(String[] args) {
    String campaign = args.length > 0 ? args[0] : "cam_123456";
    ListCouponSessionsRequest request = new ListCouponSessionsRequest().campaign(campaign);
    if (args.length > 1) {
      request.startDate(args[1]);
    }
    try (CouponToolsClient client = Env.client()) {
      // snippet:page-through-claims
      AtomicInteger count = new AtomicInteger();
      System.out.println("session,sequenceid,claimed_at_utc,validated");
      client.couponSessionPages().claimed(request).forEach(session -> {
        System.out.println(session.getSession() + "," + session.getSequenceid() + ","
            + session.getStatus().getClaimDateUtc() + "," + session.getStatus().getValidated());
        count.incrementAndGet();
      });
      System.out.println(count + " claimed session(s)");
      // end-snippet
    }
  }
}
