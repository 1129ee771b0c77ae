package io.github.coupontools.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coupontools.sdk.service.CouponSessionService;
import io.github.coupontools.sdk.model.CouponSessionSummary;
import io.github.coupontools.sdk.model.ListCouponSessionsRequest;
import io.github.coupontools.sdk.model.ListCouponSessionsResponse;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Lazy iteration over every session of the paged lists ({@code campaign/data},
 * {@code campaign/opens}, {@code campaign/claims}).
 *
 * <p>A page is fetched only when the previous one has been consumed, and only one page is held at
 * a time, so memory does not grow with the number of sessions. Iteration starts at the request's
 * {@code page} (page {@value #FIRST_PAGE} when unset) and ends at an empty page or a short one:
 * shorter than the first page, or than {@value #SMALLEST_PAGE_SIZE} records, the smallest page
 * size the documentation names (it names both 100 and 5000). Each stream call makes its own
 * requests; the caller's request object is not modified.
 */
public final class CouponSessionPages {

  /** The page requested first when the request names none. */
  public static final int FIRST_PAGE = 1;
  /** The smallest documented page size. */
  public static final int SMALLEST_PAGE_SIZE = 100;

  private final CouponSessionService api;
  private final ObjectMapper mapper;

  CouponSessionPages(CouponSessionService api, ObjectMapper mapper) {
    this.api = api;
    this.mapper = mapper;
  }

  /** Every session of the coupon ({@code campaign/data}). */
  public Stream<CouponSessionSummary> all(ListCouponSessionsRequest request) {
    return stream(request, api::listCouponSessions);
  }

  /** Every opened session of the coupon ({@code campaign/opens}). */
  public Stream<CouponSessionSummary> opened(ListCouponSessionsRequest request) {
    return stream(request, api::listOpenedCouponSessions);
  }

  /** Every claimed session of the coupon ({@code campaign/claims}). */
  public Stream<CouponSessionSummary> claimed(ListCouponSessionsRequest request) {
    return stream(request, api::listClaimedCouponSessions);
  }

  private Stream<CouponSessionSummary> stream(ListCouponSessionsRequest request,
      Function<ListCouponSessionsRequest, ListCouponSessionsResponse> fetch) {
    Objects.requireNonNull(request, "request");
    ListCouponSessionsRequest template =
        mapper.convertValue(request, ListCouponSessionsRequest.class);
    int firstPage = template.getPage() == null ? FIRST_PAGE : template.getPage();
    return Pages.stream(firstPage, SMALLEST_PAGE_SIZE, page -> {
      ListCouponSessionsResponse response =
          fetch.apply(mapper.convertValue(template, ListCouponSessionsRequest.class).page(page));
      return response.getData();
    }, CouponSessionSummary::getSession);
  }
}
