package io.github.coupontools.examples;

import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.exception.CouponToolsException;
import io.github.coupontools.sdk.exception.DeliveryException;
import io.github.coupontools.sdk.model.CreateSingleUseUrlRequest;
import io.github.coupontools.sdk.model.CreateSingleUseUrlResponse;
import io.github.coupontools.sdk.model.SendCouponByEmailRequest;
import io.github.coupontools.sdk.model.SendCouponByEmailResponse;

/**
 * Creates a personal single-use URL for a customer, then emails that coupon session to them.
 * Usage: {@code SendSingleUseCoupon <cam_id> <email>}.
 */
public final class SendSingleUseCoupon {

  private SendSingleUseCoupon() {}

  public static void main(String[] args) {
    String campaign = args.length > 0 ? args[0] : "cam_123456";
    String email = args.length > 1 ? args[1] : "john@doe.com";
    try (CouponToolsClient client = Env.client()) {
      // snippet:single-use-and-email
      CreateSingleUseUrlResponse singleUse = client.singleUse().createSingleUseUrl(
          new CreateSingleUseUrlRequest().campaign(campaign).email(email)
              .duplicateCheck(CreateSingleUseUrlRequest.DuplicateCheckEnum.EMAIL));
      System.out.println("Single-use URL " + singleUse.getSingleUseUrl()
          + " (session " + singleUse.getSingleUseCode() + ")");
      try {
        SendCouponByEmailResponse sent = client.distribution().sendCouponByEmail(
            new SendCouponByEmailRequest().campaign(campaign).email(email)
                .couponsession(singleUse.getSingleUseCode()));
        System.out.println("Emailed to " + sent.getReceiver() + ": " + sent.getAction());
      } catch (DeliveryException notSent) {
        // Not retried automatically: the email may have gone out. Check before sending again.
        System.out.println("Email not sent (" + notSent.errorCode().orElse(0) + "): "
            + notSent.errorDescriptions());
      }
      // end-snippet
    } catch (CouponToolsException e) {
      System.err.println("Failed: " + e.getMessage());
      System.exit(1);
    }
  }
}
