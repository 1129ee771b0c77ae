package io.github.coupontools.bench;

import io.github.coupontools.sdk.model.CreateSingleUseUrlRequest;
import io.github.coupontools.sdk.model.CreateSingleUseUrlResponse;
import io.github.coupontools.sdk.model.GetCouponSessionRequest;
import io.github.coupontools.sdk.model.GetCouponSessionResponse;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import io.github.coupontools.sdk.model.ListCouponsResponse;
import java.util.function.Predicate;

/**
 * The measured operations: the same request object for every client, the same response model
 * to parse into, and the check that the parsed answer is the documented example.
 */
public enum Operation {
  listCoupons("/v3/coupon/list", new ListCouponsRequest().onlyActive(true),
      ListCouponsResponse.class, response -> {
        ListCouponsResponse coupons = (ListCouponsResponse) response;
        return ok(coupons.getStatus()) && coupons.getCouponInfo().size() == 1
            && "cam_123456".equals(coupons.getCouponInfo().get(0).getId());
      }),
  getCouponSession("/v3/couponsession/data",
      new GetCouponSessionRequest().couponsession("ac6s7u3g8a25ja7x9qg87"),
      GetCouponSessionResponse.class, response -> {
        GetCouponSessionResponse session = (GetCouponSessionResponse) response;
        return ok(session.getStatus()) && "kkfiznr8Yp8630h82es8d".equals(session.getSession())
            && Boolean.TRUE.equals(session.getData().getStatus().getClaimed());
      }),
  createSingleUseUrl("/v3/singleuse/create", new CreateSingleUseUrlRequest().campaign("cam_123456"),
      CreateSingleUseUrlResponse.class, response -> {
        CreateSingleUseUrlResponse created = (CreateSingleUseUrlResponse) response;
        return ok(created.getStatus())
            && "c43403t2fv7qz27in745p".equals(created.getSingleUseCode());
      });

  final String path;
  final Object request;
  final Class<?> responseType;
  final Predicate<Object> check;

  Operation(String path, Object request, Class<?> responseType, Predicate<Object> check) {
    this.path = path;
    this.request = request;
    this.responseType = responseType;
    this.check = check;
  }

  private static boolean ok(io.github.coupontools.sdk.model.Status status) {
    return status != null && "OK".equals(status.getStatus());
  }
}
