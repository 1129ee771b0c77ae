package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.coupontools.mock.CouponToolsMockExtension;
import io.github.coupontools.mock.PrismMock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// snippet:junit-extension
@ExtendWith(CouponToolsMockExtension.class)
class CouponCatalogTest {

  @Test
  void listsTheCouponOfTheContractsSuccessExample(PrismMock mock) {
    CouponCatalog catalog = new CouponCatalog(mock.baseUrl().toString(), PrismMock.CLIENT_ID,
        PrismMock.CLIENT_SECRET);

    assertEquals(List.of("cam_123456"), catalog.couponIds());
  }
}
// end-snippet
