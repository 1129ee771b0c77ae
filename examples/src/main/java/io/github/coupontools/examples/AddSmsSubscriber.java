package io.github.coupontools.examples;

import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.exception.RequestValidationException;
import io.github.coupontools.sdk.model.AddSmsContactRequest;
import io.github.coupontools.sdk.model.AddSmsContactResponse;
import io.github.coupontools.sdk.model.Group;
import io.github.coupontools.sdk.model.ListSmsGroupsResponse;

/**
 * Adds a subscriber to the first SMS group of the account. The phone number is checked (E.164)
 * before anything is sent. Usage: {@code AddSmsSubscriber <+phone> [first name]}.
 */
public final class AddSmsSubscriber {

  private AddSmsSubscriber() {}

  public static void main(String[] args) {
    String phone = args.length > 0 ? args[0] : "+447911123456";
    String firstName = args.length > 1 ? args[1] : "Jane";
    try (CouponToolsClient client = Env.client()) {
      ListSmsGroupsResponse groups = client.smsGroups().listSmsGroups();
      Group group = groups.getGroup().get(0);
      System.out.println(groups.getAmountOfGroups() + " SMS group(s); adding to " + group.getId()
          + " (" + group.getName() + ")");
      // snippet:add-sms-contact
      try {
        AddSmsContactResponse added = client.smsGroups().addSmsContact(new AddSmsContactRequest()
            .smsgroup(group.getId()).phone(phone).firstName(firstName));
        System.out.println("Contact " + added.getContactId() + " " + added.getResult());
      } catch (RequestValidationException invalid) {
        System.out.println("Not sent: " + invalid.violations());
      }
      // end-snippet
    }
  }
}
