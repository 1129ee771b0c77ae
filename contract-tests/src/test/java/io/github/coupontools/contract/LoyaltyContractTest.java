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
import io.github.coupontools.sdk.model.BulkCreateLoyaltyCardUsersRequest;
import io.github.coupontools.sdk.model.CopyLoyaltyCardRequest;
import io.github.coupontools.sdk.model.CreateLoyaltyCardUserRequest;
import io.github.coupontools.sdk.model.V4LoyaltyCard;
import io.github.coupontools.sdk.model.WalletLoyaltyUser;
import io.github.coupontools.sdk.service.LoyaltyService;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer contract of the "Loyalty" section (v4 REST: the {@code x-api-key} / {@code
 * x-api-secret} headers, bare JSON answers). The v4 error format is not documented, so each
 * operation's error interaction is the documented authentication failure.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, hostInterface = "127.0.0.1", pactVersion = PactSpecVersion.V4)
class LoyaltyContractTest extends ConsumerContract {

  private static final String REVOKED = "revoked-client-secret";

  private static SpecInteraction success(PactDslWithProvider builder, String operationId,
      String state, String description) {
    return SpecInteraction.of(builder, operationId).given(state).uponReceiving(description);
  }

  private static SpecInteraction rejected(PactDslWithProvider builder, String operationId) {
    return SpecInteraction.of(builder, operationId).given(ProviderStates.CREDENTIALS_REJECTED)
        .uponReceiving(operationId + " with a revoked client secret").withClientSecret(REVOKED);
  }

  private LoyaltyService loyalty(MockServer server) {
    return client(server).loyalty();
  }

  private void failsWithRejectedCredentials(MockServer server, Consumer<LoyaltyService> call) {
    LoyaltyService revoked = client(server, REVOKED).loyalty();
    assertFailsWith(AuthenticationException.class, 401, 1000, null, () -> call.accept(revoked));
  }

  private static CreateLoyaltyCardUserRequest jane() {
    return new CreateLoyaltyCardUserRequest().firstName("Jane").lastName("Doe")
        .email("jane@example.com");
  }

  private static BulkCreateLoyaltyCardUsersRequest twoUsers() {
    return new BulkCreateLoyaltyCardUsersRequest().users(List.of(
        new CreateLoyaltyCardUserRequest().firstName("Jane").email("jane@example.com"),
        new CreateLoyaltyCardUserRequest().firstName("John").email("john@example.com")));
  }

  @Pact(consumer = CONSUMER)
  V4Pact listLoyaltyCards(PactDslWithProvider builder) {
    return success(builder, "listLoyaltyCards", ProviderStates.LOYALTY_CARDS,
        "a request for the loyalty cards").withoutBody().respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "listLoyaltyCards")
  void listLoyaltyCardsReturnsTheCardsAsABareArray(MockServer server) {
    List<V4LoyaltyCard> cards = loyalty(server).listLoyaltyCards();

    assertThat(cards).hasSizeGreaterThanOrEqualTo(1).allSatisfy(card -> {
      assertThat(card.getId()).isPositive();
      assertThat(card.getCode()).isNotBlank();
      assertThat(card.getType()).isNotBlank();
    });
  }

  @Pact(consumer = CONSUMER)
  V4Pact listLoyaltyCardsRejected(PactDslWithProvider builder) {
    return rejected(builder, "listLoyaltyCards").withoutBody()
        .respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "listLoyaltyCardsRejected")
  void listLoyaltyCardsWithRejectedCredentialsFailsWithAuthentication(MockServer server) {
    failsWithRejectedCredentials(server, LoyaltyService::listLoyaltyCards);
  }

  @Pact(consumer = CONSUMER)
  V4Pact copyLoyaltyCard(PactDslWithProvider builder) {
    return success(builder, "copyLoyaltyCard", ProviderStates.LOYALTY_CARDS,
        "a request to copy loyalty card 123456 as \"New name\"").request("newName")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "copyLoyaltyCard")
  void copyLoyaltyCardReturnsTheNewCard(MockServer server) {
    V4LoyaltyCard copy = loyalty(server).copyLoyaltyCard(123456L,
        new CopyLoyaltyCardRequest().name("New name"));

    assertThat(copy.getId()).isPositive();
    assertThat(copy.getName()).isNotBlank();
  }

  @Pact(consumer = CONSUMER)
  V4Pact copyLoyaltyCardRejected(PactDslWithProvider builder) {
    return rejected(builder, "copyLoyaltyCard").request("newName")
        .respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "copyLoyaltyCardRejected")
  void copyLoyaltyCardWithRejectedCredentialsFailsWithAuthentication(MockServer server) {
    failsWithRejectedCredentials(server, loyalty -> loyalty.copyLoyaltyCard(123456L,
        new CopyLoyaltyCardRequest().name("New name")));
  }

  @Pact(consumer = CONSUMER)
  V4Pact listLoyaltyCardUsers(PactDslWithProvider builder) {
    return success(builder, "listLoyaltyCardUsers", ProviderStates.LOYALTY_CARD_USER,
        "a request for the users of loyalty card 123456").withoutBody()
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "listLoyaltyCardUsers")
  void listLoyaltyCardUsersReturnsTheUsers(MockServer server) {
    List<WalletLoyaltyUser> users = loyalty(server).listLoyaltyCardUsers(123456L, null, null,
        null);

    assertThat(users).isNotEmpty().allSatisfy(user -> assertThat(user.getId()).isPositive());
  }

  @Pact(consumer = CONSUMER)
  V4Pact listLoyaltyCardUsersRejected(PactDslWithProvider builder) {
    return rejected(builder, "listLoyaltyCardUsers").withoutBody()
        .respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "listLoyaltyCardUsersRejected")
  void listLoyaltyCardUsersWithRejectedCredentialsFailsWithAuthentication(MockServer server) {
    failsWithRejectedCredentials(server,
        loyalty -> loyalty.listLoyaltyCardUsers(123456L, null, null, null));
  }

  @Pact(consumer = CONSUMER)
  V4Pact getLoyaltyCardUser(PactDslWithProvider builder) {
    return success(builder, "getLoyaltyCardUser", ProviderStates.LOYALTY_CARD_USER,
        "a request for user 7654321 of loyalty card 123456").withoutBody()
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "getLoyaltyCardUser")
  void getLoyaltyCardUserReturnsTheUser(MockServer server) {
    WalletLoyaltyUser user = loyalty(server).getLoyaltyCardUser(123456L, 7654321L);

    assertThat(user.getId()).isPositive();
    assertThat(user.getCode()).isNotBlank();
  }

  @Pact(consumer = CONSUMER)
  V4Pact getLoyaltyCardUserRejected(PactDslWithProvider builder) {
    return rejected(builder, "getLoyaltyCardUser").withoutBody()
        .respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "getLoyaltyCardUserRejected")
  void getLoyaltyCardUserWithRejectedCredentialsFailsWithAuthentication(MockServer server) {
    failsWithRejectedCredentials(server, loyalty -> loyalty.getLoyaltyCardUser(123456L, 7654321L));
  }

  @Pact(consumer = CONSUMER)
  V4Pact createLoyaltyCardUser(PactDslWithProvider builder) {
    return success(builder, "createLoyaltyCardUser", ProviderStates.LOYALTY_CARDS,
        "a request to add jane@example.com to loyalty card 123456").request("jane")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "createLoyaltyCardUser")
  void createLoyaltyCardUserReturnsTheCreatedUser(MockServer server) {
    WalletLoyaltyUser user = loyalty(server).createLoyaltyCardUser(123456L, jane());

    assertThat(user.getId()).isPositive();
    assertThat(user.getDownloadUrl()).startsWith("http");
  }

  @Pact(consumer = CONSUMER)
  V4Pact createLoyaltyCardUserRejected(PactDslWithProvider builder) {
    return rejected(builder, "createLoyaltyCardUser").request("jane")
        .respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "createLoyaltyCardUserRejected")
  void createLoyaltyCardUserWithRejectedCredentialsFailsWithAuthentication(MockServer server) {
    failsWithRejectedCredentials(server, loyalty -> loyalty.createLoyaltyCardUser(123456L, jane()));
  }

  @Pact(consumer = CONSUMER)
  V4Pact bulkCreateLoyaltyCardUsers(PactDslWithProvider builder) {
    return success(builder, "bulkCreateLoyaltyCardUsers", ProviderStates.LOYALTY_CARDS,
        "a request to add two users to loyalty card 123456 at once").request("twoUsers")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "bulkCreateLoyaltyCardUsers")
  void bulkCreateLoyaltyCardUsersReturnsTheCreatedUsers(MockServer server) {
    List<WalletLoyaltyUser> users = loyalty(server).bulkCreateLoyaltyCardUsers(123456L,
        twoUsers());

    assertThat(users).isNotEmpty().allSatisfy(user -> assertThat(user.getId()).isPositive());
  }

  @Pact(consumer = CONSUMER)
  V4Pact bulkCreateLoyaltyCardUsersRejected(PactDslWithProvider builder) {
    return rejected(builder, "bulkCreateLoyaltyCardUsers").request("twoUsers")
        .respondWith(401, "authenticationFailed");
  }

  @Test
  @PactTestFor(pactMethod = "bulkCreateLoyaltyCardUsersRejected")
  void bulkCreateLoyaltyCardUsersWithRejectedCredentialsFailsWithAuthentication(
      MockServer server) {
    failsWithRejectedCredentials(server,
        loyalty -> loyalty.bulkCreateLoyaltyCardUsers(123456L, twoUsers()));
  }
}
