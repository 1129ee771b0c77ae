package io.github.coupontools.sdk.internal;

import io.github.coupontools.sdk.model.BatchUpdateCouponSessionsRequest;
import io.github.coupontools.sdk.model.CreateSingleUseUrlRequest;
import io.github.coupontools.sdk.model.CreateSubaccountSsoTokenRequest;
import io.github.coupontools.sdk.model.SearchCouponSessionsRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract's rules between fields (its {@code anyOf} / {@code not} of required fields),
 * which the generated Bean Validation annotations cannot carry.
 */
final class RequestRules {

  private RequestRules() {}

  static List<String> check(Object request) {
    List<String> problems = new ArrayList<>();
    if (request instanceof BatchUpdateCouponSessionsRequest) {
      BatchUpdateCouponSessionsRequest batch = (BatchUpdateCouponSessionsRequest) request;
      if (batch.getStartsequence() == null && batch.getEndsequence() == null) {
        problems.add("startsequence/endsequence: at least one of them is required");
      }
    } else if (request instanceof CreateSingleUseUrlRequest) {
      CreateSingleUseUrlRequest singleUse = (CreateSingleUseUrlRequest) request;
      if (singleUse.getCustomvalcode() != null && singleUse.getAutovalcode() != null) {
        problems.add("customvalcode/autovalcode: cannot be combined, set only one of them");
      }
    } else if (request instanceof SearchCouponSessionsRequest) {
      SearchCouponSessionsRequest search = (SearchCouponSessionsRequest) request;
      if (search.getCode() == null && search.getPhone() == null && search.getEmail() == null) {
        problems.add("code/phone/email: at least one search field is required");
      }
    } else if (request instanceof CreateSubaccountSsoTokenRequest) {
      CreateSubaccountSsoTokenRequest sso = (CreateSubaccountSsoTokenRequest) request;
      if (sso.getPage() == CreateSubaccountSsoTokenRequest.PageEnum.UPDATE_CAMPAIGN
          && sso.getCampaign() == null) {
        problems.add("campaign: required when page is update_campaign");
      }
    }
    return problems;
  }
}
