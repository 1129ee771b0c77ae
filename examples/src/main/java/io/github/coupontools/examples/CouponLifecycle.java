package io.github.coupontools.examples;

import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.exception.SessionStateException;
import io.github.coupontools.sdk.model.CreateSingleUseUrlRequest;
import io.github.coupontools.sdk.model.CreateSingleUseUrlResponse;
import io.github.coupontools.sdk.model.SendCouponByEmailRequest;
import io.github.coupontools.sdk.model.UpdateCouponSessionRequest;

/**
 * One coupon from creation to a refused second use: a single-use URL is created and emailed, the
 * customer claims it, the first till validates it and the second is refused. Against the
 * simulator ({@code mock-server/simulate}) the refusal is the API's 358; the stateless mock
 * accepts both validations. Usage: {@code CouponLifecycle [coupon ID] [email]}.
 */
public final class CouponLifecycle {

  private CouponLifecycle() {}

  public static void main(String[] args) {
    String campaign = args.length > 0 ? args[0] : "cam_123456";
    String email = args.length > 1 ? args[1] : "jane@example.com";
    try (CouponToolsClient client = Env.client()) {
      // snippet:coupon-lifecycle
      CreateSingleUseUrlResponse created = client.singleUse().createSingleUseUrl(
          new CreateSingleUseUrlRequest().campaign(campaign).email(email));
      String session = created.getSingleUseCode();
      client.distribution().sendCouponByEmail(new SendCouponByEmailRequest()
          .campaign(campaign).email(email).couponsession(session));
      client.couponSessions().updateCouponSession(new UpdateCouponSessionRequest()
          .couponsession(session).operation(UpdateCouponSessionRequest.OperationEnum.CLAIM));
      for (int till = 1; till <= 2; till++) {
        try {
          client.couponSessions().updateCouponSession(new UpdateCouponSessionRequest()
              .couponsession(session).operation(UpdateCouponSessionRequest.OperationEnum.VALIDATE));
          System.out.println("Till " + till + ": validated " + session);
        } catch (SessionStateException used) {
          System.out.println("Till " + till + ": refused (" + used.errorCode().orElse(0) + "): "
              + String.join(", ", used.errorDescriptions()));
        }
      }
      // end-snippet
    }
  }
}
