package com.example.shop;

import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import java.util.List;
import java.util.stream.Collectors;

/** A user's code: the ids of the account's coupons. */
public final class CouponCatalog {

  private final CouponToolsClient client;

  public CouponCatalog(String baseUrl, String clientId, String clientSecret) {
    this.client = CouponToolsClient.builder()
        .clientId(clientId).clientSecret(clientSecret).baseUrl(baseUrl).build();
  }

  public List<String> couponIds() {
    var coupons = client.coupons().listCoupons(new ListCouponsRequest());
    return coupons.getCouponInfo().stream().map(coupon -> coupon.getId())
        .collect(Collectors.toList());
  }
}
