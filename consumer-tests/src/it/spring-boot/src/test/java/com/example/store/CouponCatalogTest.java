package com.example.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.coupontools.mock.CouponToolsMockExtension;
import io.github.coupontools.mock.PrismMock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
@ExtendWith(CouponToolsMockExtension.class)
class CouponCatalogTest {

  private static PrismMock mock;

  @BeforeAll // runs before Spring builds the context, which then reads the mock's URL
  static void startMock(PrismMock started) {
    mock = started;
  }

  @DynamicPropertySource
  static void couponTools(DynamicPropertyRegistry registry) {
    registry.add("coupontools.base-url", () -> mock.baseUrl().toString());
    registry.add("coupontools.client-id", () -> PrismMock.CLIENT_ID);
    registry.add("coupontools.client-secret", () -> PrismMock.CLIENT_SECRET);
  }

  @Autowired
  CouponCatalog catalog;

  @Test
  void beanListsTheCouponOfTheContractsSuccessExample() {
    assertThat(catalog.couponIds()).containsExactly("cam_123456");
  }
}
