package com.example.shop;

import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.JerseyTransport;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import jakarta.ws.rs.client.Client;
import java.util.List;
import java.util.stream.Collectors;

/** A user's code on the Jersey transport: the JAX-RS client is the application's own. */
public final class CouponCatalog {

  private final CouponToolsClient client;

  public CouponCatalog(Client jaxRsClient, String baseUrl, String clientId, String clientSecret) {
    this.client = CouponToolsClient.builder()
        .clientId(clientId).clientSecret(clientSecret).baseUrl(baseUrl)
        .transport(JerseyTransport.using(jaxRsClient))
        .build();
  }

  public List<String> couponIds() {
    var coupons = client.coupons().listCoupons(new ListCouponsRequest());
    return coupons.getCouponInfo().stream().map(coupon -> coupon.getId())
        .collect(Collectors.toList());
  }
}
