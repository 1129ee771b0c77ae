package com.example.store;

import io.github.coupontools.sdk.CouponToolsClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CouponToolsConfiguration {

  // snippet:spring-boot-bean
  @Bean // one client for the application; Spring closes it on shutdown
  CouponToolsClient couponToolsClient(
      @Value("${coupontools.base-url:https://api.coupontools.com}") String baseUrl,
      @Value("${coupontools.client-id}") String clientId,
      @Value("${coupontools.client-secret}") String clientSecret) {
    return CouponToolsClient.builder()
        .baseUrl(baseUrl).clientId(clientId).clientSecret(clientSecret).build();
  }
  // end-snippet
}
