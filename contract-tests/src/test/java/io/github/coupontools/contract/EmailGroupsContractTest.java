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
import io.github.coupontools.sdk.model.AddEmailContactRequest;
import io.github.coupontools.sdk.model.AddEmailContactResponse;
import io.github.coupontools.sdk.model.CreateEmailGroupRequest;
import io.github.coupontools.sdk.model.CreateEmailGroupResponse;
import io.github.coupontools.sdk.model.ListEmailContactsRequest;
import io.github.coupontools.sdk.model.ListEmailContactsResponse;
import io.github.coupontools.sdk.model.ListEmailGroupsResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Consumer contract of the "Email groups" section of the Coupontools email service. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, hostInterface = "127.0.0.1", pactVersion = PactSpecVersion.V4)
class EmailGroupsContractTest extends ConsumerContract {

  private static final String NOT_CONNECTED =
      "Your account is not connected with the Coupontools Email services";

  // listEmailGroups: the request schema has no properties, so the SDK method takes any body.

  @Pact(consumer = CONSUMER)
  V4Pact emailGroups(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "listEmailGroups")
        .given(ProviderStates.TWO_EMAIL_GROUPS)
        .uponReceiving("a request for the email groups")
        .request("empty")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "emailGroups")
  void listEmailGroupsReturnsTheGroupsWithTheirIds(MockServer server) {
    ListEmailGroupsResponse response = client(server).emailGroups().listEmailGroups();

    assertThat(response.getAmountOfGroups()).isEqualTo(2);
    assertThat(response.getGroup()).hasSize(2)
        .allSatisfy(group -> assertThat(group.getId()).matches("gro_\\d+"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact emailGroupsWithoutService(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "listEmailGroups")
        .given(ProviderStates.EMAIL_SERVICE_NOT_CONNECTED)
        .uponReceiving("a request for the email groups of an account without the email service")
        .request("empty")
        .respondWith(422, "emailServiceNotConnected");
  }

  @Test
  @PactTestFor(pactMethod = "emailGroupsWithoutService")
  void listEmailGroupsWithoutTheEmailServiceFailsWithCode103(MockServer server) {
    assertFailsWith(AuthenticationException.class, 422, 103, NOT_CONNECTED,
        () -> client(server).emailGroups().listEmailGroups());
  }

  // listEmailContacts

  @Pact(consumer = CONSUMER)
  V4Pact emailContacts(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "listEmailContacts")
        .given(ProviderStates.EMAIL_GROUP_WITH_CONTACTS)
        .uponReceiving("a request for the contacts of email group gro_12345")
        .request("byGroup")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "emailContacts")
  void listEmailContactsReturnsTheContactsOfTheGroup(MockServer server) {
    ListEmailContactsResponse response = client(server).emailGroups()
        .listEmailContacts(new ListEmailContactsRequest().emailgroup("gro_12345"));

    assertThat(response.getGroupId()).matches("gro_\\d+");
    assertThat(response.getAmountOfContacts()).isEqualTo(2L);
    assertThat(response.getContact()).hasSize(2)
        .allSatisfy(contact -> assertThat(contact.getId()).matches("con_\\d+"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact contactsOfUnknownEmailGroup(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "listEmailContacts")
        .given(ProviderStates.EMAIL_GROUP_MISSING)
        .uponReceiving("a request for the contacts of an unknown email group")
        .request("byGroup", Map.of("emailgroup", "gro_999999"))
        .respondWith(422, "groupNotFound");
  }

  @Test
  @PactTestFor(pactMethod = "contactsOfUnknownEmailGroup")
  void listEmailContactsOfAnUnknownGroupFailsWithNotFound514(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 514, "Group ID not found",
        () -> client(server).emailGroups()
            .listEmailContacts(new ListEmailContactsRequest().emailgroup("gro_999999")));
  }

  // createEmailGroup

  @Pact(consumer = CONSUMER)
  V4Pact newEmailGroup(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "createEmailGroup")
        .given(ProviderStates.EMAIL_SERVICE_CONNECTED)
        .uponReceiving("a request to create the email group Example")
        .request("named")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "newEmailGroup")
  void createEmailGroupReturnsThePrefixedIdOfTheNewGroup(MockServer server) {
    CreateEmailGroupResponse response = client(server).emailGroups()
        .createEmailGroup(new CreateEmailGroupRequest().groupName("Example"));

    assertThat(response.getResult()).isEqualTo("saved_successfully");
    assertThat(response.getGroupId()).isEqualTo("gro_119251");
  }

  @Pact(consumer = CONSUMER)
  V4Pact newEmailGroupWithoutService(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "createEmailGroup")
        .given(ProviderStates.EMAIL_SERVICE_NOT_CONNECTED)
        .uponReceiving("a request to create an email group on an account without the email"
            + " service")
        .request("named")
        .respondWith(422, "emailServiceNotConnected");
  }

  @Test
  @PactTestFor(pactMethod = "newEmailGroupWithoutService")
  void createEmailGroupWithoutTheEmailServiceFailsWithCode103(MockServer server) {
    assertFailsWith(AuthenticationException.class, 422, 103, NOT_CONNECTED,
        () -> client(server).emailGroups()
            .createEmailGroup(new CreateEmailGroupRequest().groupName("Example")));
  }

  // addEmailContact

  @Pact(consumer = CONSUMER)
  V4Pact newEmailContact(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "addEmailContact")
        .given(ProviderStates.EMAIL_GROUP_EXISTS)
        .uponReceiving("a request to add john@doe.com to email group gro_12345")
        .request("minimal")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "newEmailContact")
  void addEmailContactReturnsTheIdOfTheNewContact(MockServer server) {
    AddEmailContactResponse response = client(server).emailGroups()
        .addEmailContact(new AddEmailContactRequest().emailgroup("gro_12345")
            .email("john@doe.com"));

    assertThat(response.getResult()).isEqualTo("saved_successfully");
    assertThat(response.getContactId()).matches("con_\\d+");
    assertThat(response.getEmail()).isNotBlank();
  }

  @Pact(consumer = CONSUMER)
  V4Pact emailContactOfUnknownGroup(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "addEmailContact")
        .given(ProviderStates.EMAIL_GROUP_MISSING)
        .uponReceiving("a request to add a contact to an unknown email group")
        .request("minimal", Map.of("emailgroup", "gro_999999"))
        .respondWith(422, "groupNotFound");
  }

  @Test
  @PactTestFor(pactMethod = "emailContactOfUnknownGroup")
  void addEmailContactToAnUnknownGroupFailsWithNotFound514(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 514, "Group ID not found",
        () -> client(server).emailGroups()
            .addEmailContact(new AddEmailContactRequest().emailgroup("gro_999999")
                .email("john@doe.com")));
  }
}
