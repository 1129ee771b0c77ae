package io.github.coupontools.examples;

import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.exception.NotFoundException;
import io.github.coupontools.sdk.model.CreateLoyaltyCardUserRequest;
import io.github.coupontools.sdk.model.V4LoyaltyCard;
import io.github.coupontools.sdk.model.WalletLoyaltyUser;
import java.util.List;

/**
 * v4 REST: lists the loyalty cards (a bare JSON array), then adds a user to the first card. The
 * v4 calls send the credentials as {@code x-api-key} / {@code x-api-secret}.
 */
public final class ListLoyaltyCards {

  private ListLoyaltyCards() {}

  public static void main(String[] args) {
    try (CouponToolsClient client = Env.client()) {
      // snippet:list-loyalty-cards
      List<V4LoyaltyCard> cards = client.loyalty().listLoyaltyCards();
      for (V4LoyaltyCard card : cards) {
        System.out.println(card.getId() + "  " + card.getType() + "  " + card.getName()
            + "  https://" + card.getDomain() + "/" + card.getCode());
      }
      try {
        WalletLoyaltyUser user = client.loyalty().createLoyaltyCardUser(cards.get(0).getId(),
            new CreateLoyaltyCardUserRequest().firstName("Jane").email("jane@example.com"));
        System.out.println("User " + user.getId() + " downloads the card at "
            + user.getDownloadUrl());
      } catch (NotFoundException noSuchCard) {
        // v4 errors are undocumented: the HTTP status decides (404 here), the body is kept.
        System.out.println("No such card (HTTP " + noSuchCard.httpStatus() + "): "
            + noSuchCard.rawBody());
      }
      // end-snippet
    }
  }
}
