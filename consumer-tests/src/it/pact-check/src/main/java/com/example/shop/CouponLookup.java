package com.example.shop;

import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.model.Coupon;
import io.github.coupontools.sdk.model.GetCouponRequest;

/** The shop's one use of Coupontools: the title of a coupon, for the checkout page. */
public final class CouponLookup {

  private final CouponToolsClient client;

  public CouponLookup(CouponToolsClient client) {
    this.client = client;
  }

  public String title(String campaign) {
    Coupon coupon = client.coupons().getCoupon(new GetCouponRequest().campaign(campaign))
        .getCouponInfo();
    return coupon.getTitle();
  }
}
