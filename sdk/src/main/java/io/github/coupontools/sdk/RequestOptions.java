package io.github.coupontools.sdk;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Timeouts and retries of a call. The client's defaults come from its builder; a different set
 * for some calls comes from {@link CouponToolsClient#withOptions(RequestOptions)}.
 */
public final class RequestOptions {

  /** Defaults: connect 10 s, read 30 s, 2 retries. */
  public static final RequestOptions DEFAULTS =
      new RequestOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), 2, Map.of());

  /** Headers the SDK sets itself, which extra headers may not replace. */
  private static final Set<String> RESERVED_HEADERS = Set.of("x-client-id", "x-client-secret",
      "content-type", "content-length", "accept", "user-agent", "host");

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxRetries;
  private final Map<String, String> headers;

  private RequestOptions(Duration connectTimeout, Duration readTimeout, int maxRetries,
      Map<String, String> headers) {
    this.connectTimeout = positive("connectTimeout", connectTimeout);
    this.readTimeout = positive("readTimeout", readTimeout);
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("maxRetries must be between 0 and 10, was " + maxRetries);
    }
    this.maxRetries = maxRetries;
    this.headers = headers;
  }

  /** A copy with another connect timeout (finite, positive). */
  public RequestOptions withConnectTimeout(Duration timeout) {
    return new RequestOptions(timeout, readTimeout, maxRetries, headers);
  }

  /** A copy with another read timeout (finite, positive): the longest wait for response bytes. */
  public RequestOptions withReadTimeout(Duration timeout) {
    return new RequestOptions(connectTimeout, timeout, maxRetries, headers);
  }

  /**
   * A copy that also sends this header with every call, for example {@code Prefer} to pick a
   * documented example from the mock. The SDK's own headers (credentials, content type,
   * {@code User-Agent}) cannot be replaced.
   */
  public RequestOptions withHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || !name.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("header " + name + " is set by the SDK or not a valid"
          + " header name");
    }
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new RequestOptions(connectTimeout, readTimeout, maxRetries, Map.copyOf(more));
  }

  /**
   * A copy with another number of automatic retries (0 to 10). Operations that create or send
   * something are retried only when the request certainly did not reach the server.
   */
  public RequestOptions withMaxRetries(int retries) {
    return new RequestOptions(connectTimeout, readTimeout, retries, headers);
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public int maxRetries() {
    return maxRetries;
  }

  /** Extra headers sent with every call. */
  public Map<String, String> headers() {
    return headers;
  }

  private static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(name + " must be more than 0 and at most 10 minutes, was "
          + value);
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof RequestOptions)) {
      return false;
    }
    RequestOptions that = (RequestOptions) other;
    return connectTimeout.equals(that.connectTimeout) && readTimeout.equals(that.readTimeout)
        && maxRetries == that.maxRetries && headers.equals(that.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectTimeout, readTimeout, maxRetries, headers);
  }

  @Override
  public String toString() {
    return "RequestOptions[connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", maxRetries=" + maxRetries + ", headers=" + headers.keySet() + "]";
  }
}
