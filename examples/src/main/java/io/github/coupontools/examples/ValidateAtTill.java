package io.github.coupontools.examples;

import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.exception.NotFoundException;
import io.github.coupontools.sdk.exception.SessionStateException;
import io.github.coupontools.sdk.model.UpdateCouponSessionRequest;
import io.github.coupontools.sdk.model.UpdateCouponSessionResponse;
import java.math.BigDecimal;

/**
 * A till validates the coupon a customer shows, and tells the cashier when it was already used.
 * Usage: {@code ValidateAtTill <session code> [amount spent]}.
 */
public final class ValidateAtTill {

  private ValidateAtTill() {}

  public static void main(String[] args) {
    String session = args.length > 0 ? args[0] : "ac6s7u3g8a25ja7x9qg87";
    BigDecimal spent = new BigDecimal(args.length > 1 ? args[1] : "12.50");
    try (CouponToolsClient client = Env.client()) {
      // snippet:validate-at-till
      try {
        UpdateCouponSessionResponse result = client.couponSessions().updateCouponSession(
            new UpdateCouponSessionRequest().couponsession(session)
                .operation(UpdateCouponSessionRequest.OperationEnum.VALIDATE)
                .moneySpent(spent));
        System.out.println("Accepted: " + result.getOperation());
      } catch (SessionStateException used) {
        // 351-360: expired, voided, locked or already validated; the coupon must not be honoured.
        System.out.println("Refused (" + used.errorCode().orElse(0) + "): "
            + String.join(", ", used.errorDescriptions()));
      } catch (NotFoundException unknown) {
        System.out.println("Unknown coupon: " + String.join(", ", unknown.errorDescriptions()));
      }
      // end-snippet
    }
  }
}
