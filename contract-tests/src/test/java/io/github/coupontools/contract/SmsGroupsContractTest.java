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
import io.github.coupontools.sdk.model.AddSmsContactRequest;
import io.github.coupontools.sdk.model.AddSmsContactResponse;
import io.github.coupontools.sdk.model.Contact;
import io.github.coupontools.sdk.model.CreateSmsGroupRequest;
import io.github.coupontools.sdk.model.CreateSmsGroupResponse;
import io.github.coupontools.sdk.model.ListSmsContactsRequest;
import io.github.coupontools.sdk.model.ListSmsContactsResponse;
import io.github.coupontools.sdk.model.ListSmsGroupsResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Consumer contract of the "SMS groups" section of the Coupontools SMS service. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, hostInterface = "127.0.0.1", pactVersion = PactSpecVersion.V4)
class SmsGroupsContractTest extends ConsumerContract {

  private static final String NOT_CONNECTED =
      "Your account is not connected with the Coupontools SMS services";

  // listSmsGroups: the request schema has no properties, so the SDK method takes any body.

  @Pact(consumer = CONSUMER)
  V4Pact smsGroups(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "listSmsGroups")
        .given(ProviderStates.TWO_SMS_GROUPS)
        .uponReceiving("a request for the SMS groups")
        .request("empty")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "smsGroups")
  void listSmsGroupsReturnsTheGroupsWithTheirIds(MockServer server) {
    ListSmsGroupsResponse response = client(server).smsGroups().listSmsGroups();

    assertThat(response.getAmountOfGroups()).isEqualTo(2);
    assertThat(response.getGroup()).hasSize(2)
        .allSatisfy(group -> assertThat(group.getId()).matches("gro_\\d+"));
    assertThat(response.getGroup().get(0).getName()).isEqualTo("Subscribers keyword pizza");
  }

  @Pact(consumer = CONSUMER)
  V4Pact smsGroupsWithoutService(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "listSmsGroups")
        .given(ProviderStates.SMS_SERVICE_NOT_CONNECTED)
        .uponReceiving("a request for the SMS groups of an account without the SMS service")
        .request("empty")
        .respondWith(422, "smsServiceNotConnected");
  }

  @Test
  @PactTestFor(pactMethod = "smsGroupsWithoutService")
  void listSmsGroupsWithoutTheSmsServiceFailsWithCode103(MockServer server) {
    assertFailsWith(AuthenticationException.class, 422, 103, NOT_CONNECTED,
        () -> client(server).smsGroups().listSmsGroups());
  }

  // listSmsContacts

  @Pact(consumer = CONSUMER)
  V4Pact smsContacts(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "listSmsContacts")
        .given(ProviderStates.SMS_GROUP_WITH_CONTACTS)
        .uponReceiving("a request for the contacts of SMS group gro_123456")
        .request("byGroup")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "smsContacts")
  void listSmsContactsReturnsTheContactsOfTheGroup(MockServer server) {
    ListSmsContactsResponse response = client(server).smsGroups()
        .listSmsContacts(new ListSmsContactsRequest().smsgroup("gro_123456"));

    assertThat(response.getGroupId()).isEqualTo("gro_123456");
    assertThat(response.getAmountOfContacts()).isEqualTo(2L);
    assertThat(response.getContact()).hasSize(2);
    Contact contact = response.getContact().get(0);
    assertThat(contact.getId()).matches("con_\\d+");
    assertThat(contact.getPhone()).matches("\\d+");
    assertThat(contact.getUnsubscribed()).isNotNull();
  }

  @Pact(consumer = CONSUMER)
  V4Pact contactsOfUnknownSmsGroup(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "listSmsContacts")
        .given(ProviderStates.SMS_GROUP_MISSING)
        .uponReceiving("a request for the contacts of an unknown SMS group")
        .request("byGroup", Map.of("smsgroup", "gro_999999"))
        .respondWith(422, "groupNotFound");
  }

  @Test
  @PactTestFor(pactMethod = "contactsOfUnknownSmsGroup")
  void listSmsContactsOfAnUnknownGroupFailsWithNotFound514(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 514, "Group ID not found",
        () -> client(server).smsGroups()
            .listSmsContacts(new ListSmsContactsRequest().smsgroup("gro_999999")));
  }

  // createSmsGroup

  @Pact(consumer = CONSUMER)
  V4Pact newSmsGroup(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "createSmsGroup")
        .given(ProviderStates.SMS_SERVICE_CONNECTED)
        .uponReceiving("a request to create the SMS group Example")
        .request("named")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "newSmsGroup")
  void createSmsGroupReturnsTheNumericIdOfTheNewGroup(MockServer server) {
    CreateSmsGroupResponse response = client(server).smsGroups()
        .createSmsGroup(new CreateSmsGroupRequest().groupName("Example"));

    assertThat(response.getResult()).isEqualTo("saved_successfully");
    assertThat(response.getGroupid()).isEqualTo(119251L);
  }

  @Pact(consumer = CONSUMER)
  V4Pact newSmsGroupWithoutService(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "createSmsGroup")
        .given(ProviderStates.SMS_SERVICE_NOT_CONNECTED)
        .uponReceiving("a request to create an SMS group on an account without the SMS service")
        .request("named")
        .respondWith(422, "smsServiceNotConnected");
  }

  @Test
  @PactTestFor(pactMethod = "newSmsGroupWithoutService")
  void createSmsGroupWithoutTheSmsServiceFailsWithCode103(MockServer server) {
    assertFailsWith(AuthenticationException.class, 422, 103, NOT_CONNECTED,
        () -> client(server).smsGroups()
            .createSmsGroup(new CreateSmsGroupRequest().groupName("Example")));
  }

  // addSmsContact

  @Pact(consumer = CONSUMER)
  V4Pact newSmsContact(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "addSmsContact")
        .given(ProviderStates.SMS_GROUP_EXISTS)
        .uponReceiving("a request to add +123456789 to SMS group gro_12345")
        .request("minimal")
        .respondWith(200, "success");
  }

  @Test
  @PactTestFor(pactMethod = "newSmsContact")
  void addSmsContactReturnsTheIdOfTheNewContact(MockServer server) {
    AddSmsContactResponse response = client(server).smsGroups()
        .addSmsContact(new AddSmsContactRequest().smsgroup("gro_12345").phone("+123456789"));

    assertThat(response.getResult()).isEqualTo("saved_successfully");
    assertThat(response.getContactId()).matches("con_\\d+");
    assertThat(response.getGroupId()).matches("gro_\\d+");
  }

  @Pact(consumer = CONSUMER)
  V4Pact smsContactOfUnknownGroup(PactDslWithProvider builder) {
    return SpecInteraction.of(builder, "addSmsContact")
        .given(ProviderStates.SMS_GROUP_MISSING)
        .uponReceiving("a request to add a contact to an unknown SMS group")
        .request("minimal", Map.of("smsgroup", "gro_999999"))
        .respondWith(422, "groupNotFound");
  }

  @Test
  @PactTestFor(pactMethod = "smsContactOfUnknownGroup")
  void addSmsContactToAnUnknownGroupFailsWithNotFound514(MockServer server) {
    assertFailsWith(NotFoundException.class, 422, 514, "Group ID not found",
        () -> client(server).smsGroups()
            .addSmsContact(new AddSmsContactRequest().smsgroup("gro_999999").phone("+123456789")));
  }
}
