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
import io.github.coupontools.sdk.exception.InvalidParameterException;
import io.github.coupontools.sdk.exception.NotFoundException;
import io.github.coupontools.sdk.exception.SessionStateException;
import io.github.coupontools.sdk.model.BatchUpdateCouponSessionsRequest;
import io.github.coupontools.sdk.model.BatchUpdateCouponSessionsResponse;
import io.github.coupontools.sdk.model.CouponSessionStatus;
import io.github.coupontools.sdk.model.CouponSessionSummary;
import io.github.coupontools.sdk.model.DeleteCouponSessionRequest;
import io.github.coupontools.sdk.model.DeleteCouponSessionResponse;
import io.github.coupontools.sdk.model.GenerateCouponSessionBarcodeRequest;
import io.github.coupontools.sdk.model.GenerateCouponSessionBarcodeResponse;
import io.github.coupontools.sdk.model.GetCouponSessionRequest;
import io.github.coupontools.sdk.model.GetCouponSessionResponse;
import io.github.coupontools.sdk.model.ListCouponSessionsRequest;
import io.github.coupontools.sdk.model.ListCouponSessionsResponse;
import io.github.coupontools.sdk.model.SearchCouponSessionsRequest;
import io.github.coupontools.sdk.model.SearchCouponSessionsResponse;
import io.github.coupontools.sdk.model.SearchResult;
import io.github.coupontools.sdk.model.UpdateCouponSessionRequest;
import io.github.coupontools.sdk.model.UpdateCouponSessionResponse;
import io.github.coupontools.sdk.model.BatchUpdateCouponSessionsRequest;
import io.github.coupontools.sdk.model.BatchUpdateCouponSessionsResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer contract of the "Coupon session" section: the three paged session lists, reading,
 * updating (one or many), searching, deleting a session and its barcode.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, hostInterface = "127.0.0.1", pactVersion = PactSpecVersion.V4)
class CouponSessionsContractTest extends ConsumerContract {

  private static final String SESSION = "ac6s7u3g8a25ja7x9qg87";
  private static final String UNKNOWN_SESSION = "nosuchsession00000000";

  // listCouponSessions, listOpenedCouponSessions, listClaimedCouponSessions,
  // listValidatedCouponSessions: one request and response shape, four paths.

  private static V4Pact sessionsPage(PactDslWithProvider builder, String operationId,
      String which) {
    return SpecInteraction.of(builder, operationId)
        .given(ProviderStates.COUPON_HAS_SESSIONS)
        .uponReceiving("a request for the first page of the " + which + " of coupon cam_123456")
        .request("byCoupon")
        .respondWith(200, "success");
  }

  private static V4Pact sessionsOfUnknownCoupon(PactDslWithProvider builder, String operationId,
      String which) {
    return SpecInteraction.of(builder, operationId)
        .given(ProviderStates.COUPON_MISSING)
        .uponReceiving("a request for the " + which + " of an unknown coupon")
        .request("byCoupon", Map.of("campaign", "cam_999999"))
        .respondWith(422, "campaignNotFound");
  }

  private static void assertOneClaimedSession(ListCouponSessionsResponse page) {
    assertThat(page.getCampaign()).matches("cam_\\d+");
    assertThat(page.getAction()).isEqualTo("retrieve_all_data");
    assertThat(page.getData()).hasSize(1);
    CouponSessionSummary session = page.getData().get(0);
    assertThat(session.getSession()).isEqualTo("kkfiznr8gp8630h82es8d");
    assertThat(session.getSequenceid()).isEqualTo(19878460L);
    CouponSessionStatus status = session.getStatus();
    assertThat(status.getClaimed()).isTrue();
    assertThat(status.getClaimDateUtc()).isEqualTo(Instant.parse("2019-03-25T10:44:05Z"));
    assertThat(status.getOpenDateUtc()).isNull();
  }

  private static ListCouponSessionsRequest firstPageOf(String coupon) {
    return new ListCouponSessionsRequest().campaign(coupon);
  }

  @Pact(consumer = CONSUMER)
  V4Pact sessions(PactDslWithProvider builder) {
    return sessionsPage(builder, "listCouponSessions", "sessions");
  }

  @Test
  @PactTestFor(pactMethod = "sessions")
  void listCouponSessionsReturnsAPageOfSessionsWithTheirState(MockServer server) {
    assertOneClaimedSession(client(server).couponSessions()
        .listCouponSessions(firstPageOf("cam_123456")));
  }

  @Pact(consumer = CONSUMER)
  V4Pact sessionsOfUnknownCoupon(PactDslWithProvider builder) {
    return sessionsOfUnknownCoupon(builder, "listCouponSessions", "sessions");
  }

  @Test
  @PactTestFor(pactMethod = "sessionsOfUnknownCoupon")
  void listCouponSessionsOfAnUnknownCouponFailsWithNotFound502(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 502, "Campaign ID not found",
        () -> client(server).couponSessions().listCouponSessions(firstPageOf("cam_999999")));
  }

  @Pact(consumer = CONSUMER)
  V4Pact openedSessions(PactDslWithProvider builder) {
    return sessionsPage(builder, "listOpenedCouponSessions", "opened sessions");
  }

  @Test
  @PactTestFor(pactMethod = "openedSessions")
  void listOpenedCouponSessionsReturnsAPageOfSessions(MockServer server) {
    assertOneClaimedSession(client(server).couponSessions()
        .listOpenedCouponSessions(firstPageOf("cam_123456")));
  }

  @Pact(consumer = CONSUMER)
  V4Pact openedSessionsOfUnknownCoupon(PactDslWithProvider builder) {
    return sessionsOfUnknownCoupon(builder, "listOpenedCouponSessions", "opened sessions");
  }

  @Test
  @PactTestFor(pactMethod = "openedSessionsOfUnknownCoupon")
  void listOpenedCouponSessionsOfAnUnknownCouponFailsWithNotFound502(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 502, "Campaign ID not found",
        () -> client(server).couponSessions().listOpenedCouponSessions(firstPageOf("cam_999999")));
  }

  @Pact(consumer = CONSUMER)
  V4Pact claimedSessions(PactDslWithProvider builder) {
    return sessionsPage(builder, "listClaimedCouponSessions", "claimed sessions");
  }

  @Test
  @PactTestFor(pactMethod = "claimedSessions")
  void listClaimedCouponSessionsReturnsAPageOfClaimedSessions(MockServer server) {
    assertOneClaimedSession(client(server).couponSessions()
        .listClaimedCouponSessions(firstPageOf("cam_123456")));
  }

  @Pact(consumer = CONSUMER)
  V4Pact claimedSessionsOfUnknownCoupon(PactDslWithProvider builder) {
    return sessionsOfUnknownCoupon(builder, "listClaimedCouponSessions", "claimed sessions");
  }

  @Test
  @PactTestFor(pactMethod = "claimedSessionsOfUnknownCoupon")
  void listClaimedCouponSessionsOfAnUnknownCouponFailsWithNotFound502(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 502, "Campaign ID not found",
        () -> client(server).couponSessions().listClaimedCouponSessions(firstPageOf("cam_999999")));
  }

  @Pact(consumer = CONSUMER)
  V4Pact validatedSessions(PactDslWithProvider builder) {
    return sessionsPage(builder, "listValidatedCouponSessions", "validated sessions");
  }

  @Test
  @PactTestFor(pactMethod = "validatedSessions")
  void listValidatedCouponSessionsReturnsAPageOfSessions(MockServer server) {
    assertOneClaimedSession(client(server).couponSessions()
        .listValidatedCouponSessions(firstPageOf("cam_123456")));
  }

  @Pact(consumer = CONSUMER)
  V4Pact validatedSessionsOfUnknownCoupon(PactDslWithProvider builder) {
    return sessionsOfUnknownCoupon(builder, "listValidatedCouponSessions", "validated sessions");
  }

  @Test
  @PactTestFor(pactMethod = "validatedSessionsOfUnknownCoupon")
  void listValidatedCouponSessionsOfAnUnknownCouponFailsWithNotFound502(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 502, "Campaign ID not found",
        () -> client(server).couponSessions()
            .listValidatedCouponSessions(firstPageOf("cam_999999")));
  }

  // getCouponSession

  @Pact(consumer = CONSUMER)
  V4Pact existingSession(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "getCouponSession")
        .given(ProviderStates.SESSION_EXISTS)
        .uponReceiving("a request for the data of coupon session " + SESSION)
        .request("bySession")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "existingSession")
  void getCouponSessionReturnsTheSessionWithItsStateFlags(MockServer server) {
    GetCouponSessionResponse response = client(server).couponSessions()
        .getCouponSession(new GetCouponSessionRequest().couponsession(SESSION));

    assertThat(response.getAction()).isEqualTo("retrieve_all_session_data");
    assertThat(response.getSessionUrl()).startsWith("https://digicpn.com/p/")
        .endsWith(response.getSession());
    assertThat(response.getSequenceid()).isEqualTo(19878460L);
    assertThat(response.getData().getStatus().getClaimed()).isTrue();
    assertThat(response.getData().getStatus().getValidated()).isFalse();
  }

  @Pact(consumer = CONSUMER)
  V4Pact unknownSession(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "getCouponSession")
        .given(ProviderStates.SESSION_MISSING)
        .uponReceiving("a request for the data of an unknown coupon session")
        .request("bySession", Map.of("couponsession", UNKNOWN_SESSION))
        .respondWith(422, "couponSessionNotFound");
  }

  @Test
  @PactTestFor(pactMethod = "unknownSession")
  void getCouponSessionOfAnUnknownCodeFailsWithNotFound513(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 513, "Coupon session not found",
        () -> client(server).couponSessions()
            .getCouponSession(new GetCouponSessionRequest().couponsession(UNKNOWN_SESSION)));
  }

  // updateCouponSession

  @Pact(consumer = CONSUMER)
  V4Pact validateClaimedSession(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "updateCouponSession")
        .given(ProviderStates.SESSION_CLAIMED)
        .uponReceiving("a request to validate coupon session " + SESSION)
        .request("validate")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "validateClaimedSession")
  void updateCouponSessionValidatesAClaimedSession(MockServer server) {
    UpdateCouponSessionResponse response = client(server).couponSessions()
        .updateCouponSession(new UpdateCouponSessionRequest().couponsession(SESSION)
            .operation(UpdateCouponSessionRequest.OperationEnum.VALIDATE));

    assertThat(response.getOperation()).isEqualTo("validate_successful");
  }

  @Pact(consumer = CONSUMER)
  V4Pact validateValidatedSession(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "updateCouponSession")
        .given(ProviderStates.SESSION_ALREADY_VALIDATED)
        .uponReceiving("a request to validate coupon session " + SESSION + " a second time")
        .request("validate")
        .respondWith(422, "sessionAlreadyValidated");
  }

  @Test
  @PactTestFor(pactMethod = "validateValidatedSession")
  void updateCouponSessionValidatingTwiceFailsWithSessionState358(MockServer server) {
    assertFailsWith(SessionStateException.class, 422, 358, "This session was already validated",
        () -> client(server).couponSessions()
            .updateCouponSession(new UpdateCouponSessionRequest().couponsession(SESSION)
                .operation(UpdateCouponSessionRequest.OperationEnum.VALIDATE)));
  }

  // batchUpdateCouponSessions

  private static BatchUpdateCouponSessionsRequest validateFromSequence() {
    return new BatchUpdateCouponSessionsRequest().campaign("cam_123456").startsequence("1000000")
        .operation(BatchUpdateCouponSessionsRequest.OperationEnum.VALIDATE);
  }

  @Pact(consumer = CONSUMER)
  V4Pact validateSessionsFromSequence(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "batchUpdateCouponSessions")
        .given(ProviderStates.SESSIONS_CLAIMED_FROM_SEQUENCE)
        .uponReceiving("a request to validate the sessions of coupon cam_123456 from sequence"
            + " 1000000 on")
        .request("validateFromSequence")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "validateSessionsFromSequence")
  void updateCouponSessionsReportsHowManySessionsWereUpdatedAndWhen(MockServer server) {
    BatchUpdateCouponSessionsResponse response = client(server).couponSessions()
        .batchUpdateCouponSessions(validateFromSequence());

    assertThat(response.getActionQuantity()).isEqualTo(3);
    assertThat(response.getActionDate())
        .isEqualTo(java.time.LocalDateTime.of(2019, 4, 10, 11, 35, 36));
  }

  @Pact(consumer = CONSUMER)
  V4Pact validateValidatedSessions(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "batchUpdateCouponSessions")
        .given(ProviderStates.SESSIONS_ALREADY_VALIDATED_FROM_SEQUENCE)
        .uponReceiving("a request to validate sessions of coupon cam_123456 of which some are"
            + " already validated")
        .request("validateFromSequence")
        .respondWith(422, "sessionsAlreadyValidated");
  }

  @Test
  @PactTestFor(pactMethod = "validateValidatedSessions")
  void updateCouponSessionsWithAlreadyValidatedSessionsFailsWithSessionState358(
      MockServer server) {
    assertFailsWith(SessionStateException.class, 422, 358,
        "Some session(s) were already validated",
        () -> client(server).couponSessions().batchUpdateCouponSessions(validateFromSequence()));
  }

  // searchCouponSessions

  @Pact(consumer = CONSUMER)
  V4Pact sessionByValidationCode(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "searchCouponSessions")
        .given(ProviderStates.SESSION_WITH_VALIDATION_CODE)
        .uponReceiving("a search for a custom validation code in coupon cam_12345")
        .request("byCode")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "sessionByValidationCode")
  void searchCouponSessionsFindsTheSessionOfAValidationCode(MockServer server) {
    SearchCouponSessionsResponse response = client(server).couponSessions()
        .searchCouponSessions(new SearchCouponSessionsRequest().campaign("cam_12345")
            .code("1020402010203040053"));

    assertThat(response.getResultsFound()).isEqualTo(1L);
    assertThat(response.getSearchresults()).hasSize(1);
    SearchResult result = response.getSearchresults().get(0);
    assertThat(result.getCustomValidationCode()).isEqualTo("1020402010203040053");
    assertThat(result.getSingleUseUrl()).endsWith(result.getSession());
    assertThat(result.getCoupon().getId()).matches("cam_\\d+");
    assertThat(result.getData().getStatus().getCreatedDateUtc())
        .isEqualTo(Instant.parse("2019-03-25T10:43:50Z"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact noSessionForEmail(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "searchCouponSessions")
        .given(ProviderStates.NO_SESSION_FOR_EMAIL)
        .uponReceiving("a search for an email address no session was created for")
        .request("byEmail", Map.of("email", "nobody@example.com"))
        .respondWith(422, "noResults");
  }

  @Test
  @PactTestFor(pactMethod = "noSessionForEmail")
  void searchCouponSessionsWithoutResultsFailsWithNotFound512(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 512, "No results found",
        () -> client(server).couponSessions()
            .searchCouponSessions(new SearchCouponSessionsRequest().email("nobody@example.com")));
  }

  // deleteCouponSession

  @Pact(consumer = CONSUMER)
  V4Pact removeSession(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "deleteCouponSession")
        .given(ProviderStates.SESSION_EXISTS)
        .uponReceiving("a request to remove coupon session " + SESSION)
        .request("bySession")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "removeSession")
  void deleteCouponSessionConfirmsTheRemovedSession(MockServer server) {
    DeleteCouponSessionResponse response = client(server).couponSessions()
        .deleteCouponSession(new DeleteCouponSessionRequest().campaign("cam_123456")
            .couponsession(SESSION));

    assertThat(response.getAction()).isEqualTo("single_use_code_removed");
    assertThat(response.getSingleUseCode()).isEqualTo(SESSION);
  }

  @Pact(consumer = CONSUMER)
  V4Pact removeUnknownSession(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "deleteCouponSession")
        .given(ProviderStates.SESSION_MISSING)
        .uponReceiving("a request to remove an unknown coupon session")
        .request("bySession", Map.of("couponsession", UNKNOWN_SESSION))
        .respondWith(422, "couponSessionNotFound");
  }

  @Test
  @PactTestFor(pactMethod = "removeUnknownSession")
  void deleteCouponSessionOfAnUnknownCodeFailsWithNotFound513(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 513, "Coupon session not found",
        () -> client(server).couponSessions()
            .deleteCouponSession(new DeleteCouponSessionRequest().campaign("cam_123456")
                .couponsession(UNKNOWN_SESSION)));
  }

  // generateCouponSessionBarcode

  @Pact(consumer = CONSUMER)
  V4Pact barcode(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "generateCouponSessionBarcode")
        .given(ProviderStates.SESSION_EXISTS)
        .uponReceiving("a request for a Code 39 barcode of coupon session " + SESSION)
        .request("code39")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "barcode")
  void generateCouponSessionBarcodeSucceedsForAnExistingSession(MockServer server) {
    GenerateCouponSessionBarcodeResponse response = client(server).couponSessions()
        .generateCouponSessionBarcode(new GenerateCouponSessionBarcodeRequest()
            .couponsession(SESSION).type(GenerateCouponSessionBarcodeRequest.TypeEnum.CODE39));

    assertThat(response.getStatus().getStatus()).isEqualTo("OK");
  }

  @Pact(consumer = CONSUMER)
  V4Pact barcodeOfUnknownSession(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "generateCouponSessionBarcode")
        .given(ProviderStates.SESSION_MISSING)
        .uponReceiving("a request for a barcode of an unknown coupon session")
        .request("code39", Map.of("couponsession", UNKNOWN_SESSION))
        .respondWith(400, "couponSessionDoesNotExist");
  }

  @Test
  @PactTestFor(pactMethod = "barcodeOfUnknownSession")
  void generateCouponSessionBarcodeOfAnUnknownSessionFailsWithInvalidParameter400(
      MockServer server) {
    assertFailsWith(InvalidParameterException.class, 400, 400,
        "Couponsession {couponsession} does not exist",
        () -> client(server).couponSessions()
            .generateCouponSessionBarcode(new GenerateCouponSessionBarcodeRequest()
                .couponsession(UNKNOWN_SESSION)
                .type(GenerateCouponSessionBarcodeRequest.TypeEnum.CODE39)));
  }
}
