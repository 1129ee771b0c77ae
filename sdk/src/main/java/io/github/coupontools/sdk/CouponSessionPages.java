package io.github.coupontools.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import io.github.coupontools.sdk.service.CouponSessionService;
import io.github.coupontools.sdk.model.CouponSessionSummary;
import io.github.coupontools.sdk.model.ListCouponSessionsRequest;
import io.github.coupontools.sdk.model.ListCouponSessionsResponse;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
    Iterator<CouponSessionSummary> sessions = new PageIterator(template, firstPage, fetch);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(sessions,
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private final class PageIterator implements Iterator<CouponSessionSummary> {
    private final ListCouponSessionsRequest template;
    private final Function<ListCouponSessionsRequest, ListCouponSessionsResponse> fetch;
    private int nextPage;
    private Iterator<CouponSessionSummary> current = Collections.emptyIterator();
    private boolean lastPageSeen;
    private int firstPageSize = -1;
    private String previousFirstSession;

    PageIterator(ListCouponSessionsRequest template, int firstPage,
        Function<ListCouponSessionsRequest, ListCouponSessionsResponse> fetch) {
      this.template = template;
      this.nextPage = firstPage;
      this.fetch = fetch;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && !lastPageSeen) {
        fetchNextPage();
      }
      return current.hasNext();
    }

    @Override
    public CouponSessionSummary next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }

    private void fetchNextPage() {
      ListCouponSessionsRequest request =
          mapper.convertValue(template, ListCouponSessionsRequest.class).page(nextPage);
      ListCouponSessionsResponse response = fetch.apply(request);
      List<CouponSessionSummary> sessions =
          response.getData() == null ? List.of() : response.getData();
      if (firstPageSize < 0) {
        firstPageSize = sessions.size();
      }
      if (!sessions.isEmpty()) {
        String firstSession = sessions.get(0).getSession();
        if (firstSession != null && firstSession.equals(previousFirstSession)) {
          throw new UnexpectedResponseException("Page " + nextPage + " repeats the previous page:"
              + " the API ignored the page parameter, stopping to avoid an endless loop", 200, null);
        }
        previousFirstSession = firstSession;
      }
      lastPageSeen = sessions.isEmpty() || sessions.size() < firstPageSize
          || sessions.size() < SMALLEST_PAGE_SIZE;
      current = sessions.iterator();
      nextPage++;
    }
  }
}
