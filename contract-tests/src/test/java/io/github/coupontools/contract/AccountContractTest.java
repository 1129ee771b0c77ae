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
import io.github.coupontools.sdk.exception.NotFoundException;
import io.github.coupontools.sdk.model.CreateSubaccountSsoTokenRequest;
import io.github.coupontools.sdk.model.CreateSubaccountSsoTokenResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Consumer contract of the "Account" section: single sign-on tokens of subaccounts. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, hostInterface = "127.0.0.1", pactVersion = PactSpecVersion.V4)
class AccountContractTest extends ConsumerContract {

  @Pact(consumer = CONSUMER)
  V4Pact ssoToken(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "createSubaccountSsoToken")
        .given(ProviderStates.SUBACCOUNT_EXISTS)
        .uponReceiving("a request for a single sign-on token of subaccount sub_1234")
        .request("dashboard")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "ssoToken")
  void createSubaccountSsoTokenReturnsAOneTimeToken(MockServer server) {
    CreateSubaccountSsoTokenResponse response = client(server).account()
        .createSubaccountSsoToken(new CreateSubaccountSsoTokenRequest().subaccount("sub_1234"));

    assertThat(response.getSubaccount().getId()).matches("sub_\\d+");
    assertThat(response.getSubaccount().getToken()).isNotBlank();
  }

  @Pact(consumer = CONSUMER)
  V4Pact ssoTokenOfUnknownSubaccount(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "createSubaccountSsoToken")
        .given(ProviderStates.SUBACCOUNT_MISSING)
        .uponReceiving("a request for a single sign-on token of an unknown subaccount")
        .request("dashboard", Map.of("subaccount", "sub_9999"))
        .respondWith(422, "subaccountNotCorrect");
  }

  @Test
  @PactTestFor(pactMethod = "ssoTokenOfUnknownSubaccount")
  void createSubaccountSsoTokenOfAnUnknownSubaccountFailsWithNotFound510(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 510, "Subaccount ID not correct.",
        () -> client(server).account().createSubaccountSsoToken(
            new CreateSubaccountSsoTokenRequest().subaccount("sub_9999")));
  }
}
