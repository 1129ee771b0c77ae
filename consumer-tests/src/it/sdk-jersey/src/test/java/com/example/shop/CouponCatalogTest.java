package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.coupontools.mock.CouponToolsMockExtension;
import io.github.coupontools.mock.PrismMock;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.List;
import org.glassfish.jersey.client.JerseyClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CouponToolsMockExtension.class)
class CouponCatalogTest {

  @Test
  void listsTheCouponOfTheContractsSuccessExampleThroughJersey(PrismMock mock) {
    Client jersey = ClientBuilder.newClient();
    try {
      assertTrue(jersey instanceof JerseyClient, "the JAX-RS client is Jersey's: " + jersey);
      CouponCatalog catalog = new CouponCatalog(jersey, mock.baseUrl().toString(),
          PrismMock.CLIENT_ID, PrismMock.CLIENT_SECRET);

      assertEquals(List.of("cam_123456"), catalog.couponIds());
    } finally {
      jersey.close();
    }
  }
}
