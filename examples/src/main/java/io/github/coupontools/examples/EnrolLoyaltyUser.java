package io.github.coupontools.examples;

import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.model.CreateLoyaltyUserRequest;
import io.github.coupontools.sdk.model.CreateLoyaltyUserResponse;
import io.github.coupontools.sdk.model.SearchLoyaltyUsersRequest;
import io.github.coupontools.sdk.model.SearchLoyaltyUsersResponse;

/**
 * Creates a loyalty user with the v3 Loyalty calls, then searches a card's users for the first
 * name. Neither answer is documented, so both are printed as the API sent them. Usage:
 * {@code EnrolLoyaltyUser <loyalty card ID> <email> [first name]}.
 */
public final class EnrolLoyaltyUser {

  private EnrolLoyaltyUser() {}

  public static void main(String[] args) {
    String card = args.length > 0 ? args[0] : "loy_1037746";
    String email = args.length > 1 ? args[1] : "jane@example.com";
    String firstName = args.length > 2 ? args[2] : "Jane";
    // A new user's password; the SDK never prints it.
    String password = java.util.UUID.randomUUID().toString();
    try (CouponToolsClient client = Env.client()) {
      // snippet:loyalty-v3
      CreateLoyaltyUserResponse created = client.loyalty().createLoyaltyUser(
          new CreateLoyaltyUserRequest().email(email).password(password).firstName(firstName));
      // The answer's fields are not documented: read what the API sent.
      System.out.println("Created: " + created.rawJson().orElseThrow());
      SearchLoyaltyUsersResponse found = client.loyalty().searchLoyaltyUsers(
          new SearchLoyaltyUsersRequest().loyaltycard(card).search(firstName));
      System.out.println("Found: " + found.rawJson().orElseThrow());
      // end-snippet
    }
  }
}
