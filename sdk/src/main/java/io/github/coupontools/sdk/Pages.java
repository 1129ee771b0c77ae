package io.github.coupontools.sdk;

import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The lazy walk over a paged list that {@link CouponSessionPages} and
 * {@link DirectoryUserPages} share: a page is fetched only when the previous one is consumed, one
 * page is held at a time, and the walk ends at an empty page or a short one (shorter than the
 * first page, or than the smallest page size the documentation names). None of the documented
 * lists carries a total or a next-page indicator, so the length of a page is all there is.
 */
final class Pages {

  private Pages() {}

  /**
   * The items of pages {@code firstPage}, {@code firstPage + 1}, ... as a lazy stream.
   *
   * @param fetchPage one page's items for a page number
   * @param identity a value that tells two items apart (null when unknown): a page starting with
   *     the same item as the previous one means the API ignored the page number, and iteration
   *     stops with an error instead of looping forever
   */
  static <T> Stream<T> stream(int firstPage, int smallestPageSize, IntFunction<List<T>> fetchPage,
      Function<T, ?> identity) {
    Iterator<T> items = new PageIterator<>(firstPage, smallestPageSize, fetchPage, identity);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items,
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private static final class PageIterator<T> implements Iterator<T> {
    private final int smallestPageSize;
    private final IntFunction<List<T>> fetchPage;
    private final Function<T, ?> identity;
    private int nextPage;
    private Iterator<T> current = Collections.emptyIterator();
    private boolean lastPageSeen;
    private int firstPageSize = -1;
    private Object previousFirst;

    PageIterator(int firstPage, int smallestPageSize, IntFunction<List<T>> fetchPage,
        Function<T, ?> identity) {
      this.nextPage = firstPage;
      this.smallestPageSize = smallestPageSize;
      this.fetchPage = fetchPage;
      this.identity = identity;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && !lastPageSeen) {
        fetchNextPage();
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }

    private void fetchNextPage() {
      List<T> items = fetchPage.apply(nextPage);
      if (items == null) {
        items = List.of();
      }
      if (firstPageSize < 0) {
        firstPageSize = items.size();
      }
      if (!items.isEmpty()) {
        Object first = identity.apply(items.get(0));
        if (first != null && Objects.equals(first, previousFirst)) {
          throw new UnexpectedResponseException("Page " + nextPage + " repeats the previous page:"
              + " the API ignored the page parameter, stopping to avoid an endless loop", 200, null);
        }
        previousFirst = first;
      }
      lastPageSeen = items.isEmpty() || items.size() < firstPageSize
          || items.size() < smallestPageSize;
      current = items.iterator();
      nextPage++;
    }
  }
}
