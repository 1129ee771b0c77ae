package io.github.coupontools.examples;

import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.model.Coupon;
import io.github.coupontools.sdk.model.GetCouponRequest;
import io.github.coupontools.sdk.model.GetCouponResponse;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import io.github.coupontools.sdk.model.ListCouponsResponse;

/** Quickstart: lists the active coupons of the account, then reads the first one. */
public final class ListCoupons {

  private ListCoupons() {}

  public static void main(String[] args) {
    try (CouponToolsClient client = Env.client()) {
      // snippet:list-coupons
      ListCouponsResponse coupons = client.coupons()
          .listCoupons(new ListCouponsRequest().onlyActive(true));
      System.out.println(coupons.getAmountOfCampaigns() + " coupon(s)");
      for (Coupon coupon : coupons.getCouponInfo()) {
        System.out.println(coupon.getId() + "  " + coupon.getStatus() + "  " + coupon.getName()
            + "  " + coupon.getUrl());
      }
      // end-snippet
      if (!coupons.getCouponInfo().isEmpty()) {
        String id = coupons.getCouponInfo().get(0).getId();
        GetCouponResponse coupon = client.coupons().getCoupon(new GetCouponRequest().campaign(id));
        System.out.println("Coupon " + id + ": " + coupon.getCouponInfo().getTitle() + " - "
            + coupon.getCouponInfo().getSubtitle() + ", expires " + coupon.getCouponInfo().getExpirydate()
            + " (coupon time zone " + coupon.getCouponInfo().getTimezone() + ")");
      }
    }
  }
}
