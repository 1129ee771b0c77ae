package com.example.store;

import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

@Service
public class CouponCatalog {

  private final CouponToolsClient coupons;

  CouponCatalog(CouponToolsClient coupons) {
    this.coupons = coupons;
  }

  public List<String> couponIds() {
    var list = coupons.coupons().listCoupons(new ListCouponsRequest());
    return list.getCouponInfo().stream().map(coupon -> coupon.getId())
        .collect(Collectors.toList());
  }
}
