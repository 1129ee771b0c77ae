package io.github.coupontools.contract;

import static io.github.coupontools.contract.SpecInteraction.CONSUMER;
import static io.github.coupontools.contract.SpecInteraction.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.coupontools.sdk.exception.AuthenticationException;
import io.github.coupontools.sdk.exception.NotFoundException;
import io.github.coupontools.sdk.model.Coupon;
import io.github.coupontools.sdk.model.CreateCouponRequest;
import io.github.coupontools.sdk.model.CreateCouponResponse;
import io.github.coupontools.sdk.model.GetCouponRequest;
import io.github.coupontools.sdk.model.GetCouponResponse;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import io.github.coupontools.sdk.model.ListCouponsResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Consumer contract of the "Coupon" section: list, get and create coupons. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, hostInterface = "127.0.0.1", pactVersion = PactSpecVersion.V4)
class CouponsContractTest extends ConsumerContract {

  // listCoupons

  @Pact(consumer = CONSUMER)
  V4Pact activeCoupons(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "listCoupons")
        .given(ProviderStates.ACTIVE_COUPON)
        .uponReceiving("a request for the active coupons")
        .request("onlyActive")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "activeCoupons")
  void listCouponsReturnsTheCountAndTheCouponsOfTheAccount(MockServer server) {
    ListCouponsResponse response = client(server).coupons()
        .listCoupons(new ListCouponsRequest().onlyActive(true));

    assertThat(response.getStatus().getStatus()).isEqualTo("OK");
    assertThat(response.getAmountOfCampaigns()).as("amount_of_campaigns").isEqualTo(1L);
    assertThat(response.getCouponInfo()).as("coupon_info").hasSize(1);
    Coupon coupon = response.getCouponInfo().get(0);
    assertThat(coupon.getId()).isEqualTo("cam_123456");
    assertThat(coupon.getUrl()).isEqualTo("https://digicpn.com/p/tn91r7");
    assertThat(coupon.getExpirydate()).isEqualTo(Instant.parse("2018-01-01T04:59:00Z"));
    assertThat(coupon.getLocations()).extracting("name").containsExactly("New York");
  }

  @Pact(consumer = CONSUMER)
  V4Pact unknownFolder(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "listCoupons")
        .given(ProviderStates.NO_FOLDER_ARCHIVE)
        .uponReceiving("a request for the active coupons of an unknown folder")
        .request("onlyActive", Map.of("folder", "Archive"))
        .respondWith(422, "folderNotFound");
  }

  @Test
  @PactTestFor(pactMethod = "unknownFolder")
  void listCouponsOfAnUnknownFolderFailsWithNotFound515(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 515, "Folder not found",
        () -> client(server).coupons()
            .listCoupons(new ListCouponsRequest().onlyActive(true).folder("Archive")));
  }

  @Pact(consumer = CONSUMER)
  V4Pact rejectedCredentials(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "listCoupons")
        .given(ProviderStates.CREDENTIALS_REJECTED)
        .uponReceiving("a request for the active coupons with a revoked client secret")
        .request("onlyActive")
        .withClientSecret("revoked-client-secret")
        .respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "rejectedCredentials")
  void anyCallWithRejectedCredentialsFailsWithAuthentication1000(MockServer server) {
    AuthenticationException error = assertFailsWith(AuthenticationException.class, 401, 1000,
        null, () -> client(server, "revoked-client-secret").coupons()
            .listCoupons(new ListCouponsRequest().onlyActive(true)));
    assertThat(error.getMessage()).contains("Client ID or Secret not correct")
        .doesNotContain("revoked-client-secret");
  }

  // getCoupon

  @Pact(consumer = CONSUMER)
  V4Pact existingCoupon(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "getCoupon")
        .given(ProviderStates.COUPON_EXISTS)
        .uponReceiving("a request for coupon cam_123456")
        // The SDK sends show_usage_stats with its documented default, false.
        .request("byId", Map.of("show_usage_stats", false))
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "existingCoupon")
  void getCouponReturnsTheDetailsOfTheCoupon(MockServer server) {
    GetCouponResponse response = client(server).coupons()
        .getCoupon(new GetCouponRequest().campaign("cam_123456"));

    Coupon coupon = response.getCouponInfo();
    assertThat(coupon.getTitle()).isEqualTo("10% OFF");
    assertThat(coupon.getSubtitle()).isEqualTo("On all pizzas");
    assertThat(coupon.getExpirydate()).isEqualTo(Instant.parse("2018-08-12T11:19:00Z"));
    assertThat(coupon.getTimezone()).isEqualTo("UTC");
    assertThat(coupon.getBanner5()).startsWith("https://");
  }

  @Pact(consumer = CONSUMER)
  V4Pact unknownCoupon(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "getCoupon")
        .given(ProviderStates.COUPON_MISSING)
        .uponReceiving("a request for an unknown coupon")
        .request("byId", Map.of("campaign", "cam_999999", "show_usage_stats", false))
        .respondWith(422, "campaignNotFound");
  }

  @Test
  @PactTestFor(pactMethod = "unknownCoupon")
  void getCouponOfAnUnknownIdFailsWithNotFound502(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 502, "Campaign ID not found",
        () -> client(server).coupons().getCoupon(new GetCouponRequest().campaign("cam_999999")));
  }

  // createCoupon

  @Pact(consumer = CONSUMER)
  V4Pact couponFromTemplate(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "createCoupon")
        .given(ProviderStates.TEMPLATE_EXISTS)
        .uponReceiving("a request to create a coupon from template cam_123456")
        .request("fromTemplate")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "couponFromTemplate")
  void createCouponReturnsTheIdAndCodeOfTheNewCoupon(MockServer server) {
    CreateCouponResponse response = client(server).coupons()
        .createCoupon(new CreateCouponRequest().template("cam_123456"));

    assertThat(response.getCouponInfo().getId()).matches("cam_\\d+");
    assertThat(response.getCouponInfo().getCode()).isEqualTo("eM4SY2");
    assertThat(response.getCouponInfo().getName()).isEqualTo("test");
  }

  @Pact(consumer = CONSUMER)
  V4Pact unknownTemplate(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "createCoupon")
        .given(ProviderStates.TEMPLATE_MISSING)
        .uponReceiving("a request to create a coupon from an unknown template")
        .request("fromTemplate", Map.of("template", "cam_999999"))
        .respondWith(422, "templateNotFound");
  }

  @Test
  @PactTestFor(pactMethod = "unknownTemplate")
  void createCouponFromAnUnknownTemplateFailsWithNotFound501(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 501, "Template not found.",
        () -> client(server).coupons()
            .createCoupon(new CreateCouponRequest().template("cam_999999")));
  }
}
