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

  /** Default cap of a decoded response body: 32 MB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

  /** Defaults: connect 10 s, read 30 s, 2 retries, no overall call timeout, bodies up to 32 MB. */
  public static final RequestOptions DEFAULTS = new RequestOptions(Duration.ofSeconds(10),
      Duration.ofSeconds(30), 2, Map.of(), null, DEFAULT_MAX_RESPONSE_BYTES);

  /** Headers the SDK sets itself, which extra headers may not replace. */
  private static final Set<String> RESERVED_HEADERS = Set.of("x-client-id", "x-client-secret",
      "x-api-key", "x-api-secret",
      "content-type", "content-length", "accept", "user-agent", "host");

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxRetries;
  private final Map<String, String> headers;
  private final Duration callTimeout;
  private final long maxResponseBytes;

  private RequestOptions(Duration connectTimeout, Duration readTimeout, int maxRetries,
      Map<String, String> headers, Duration callTimeout, long maxResponseBytes) {
    this.connectTimeout = positive("connectTimeout", connectTimeout);
    this.readTimeout = positive("readTimeout", readTimeout);
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("maxRetries must be between 0 and 10, was " + maxRetries);
    }
    this.maxRetries = maxRetries;
    this.headers = headers;
    this.callTimeout = callTimeout == null ? null : positive("callTimeout", callTimeout);
    if (maxResponseBytes < 1) {
      throw new IllegalArgumentException("maxResponseBytes must be at least 1, was "
          + maxResponseBytes);
    }
    this.maxResponseBytes = maxResponseBytes;
  }

  /** A copy with another connect timeout (finite, positive). */
  public RequestOptions withConnectTimeout(Duration timeout) {
    return new RequestOptions(timeout, readTimeout, maxRetries, headers, callTimeout,
        maxResponseBytes);
  }

  /**
   * A copy with an overall deadline for each call (finite, positive; none by default): every
   * attempt, retry wait and body read together, as OkHttp's {@code callTimeout}. When it passes
   * the call fails with {@link io.github.coupontools.sdk.exception.CallTimeoutException}.
   */
  public RequestOptions withCallTimeout(Duration timeout) {
    return new RequestOptions(connectTimeout, readTimeout, maxRetries, headers,
        Objects.requireNonNull(timeout, "callTimeout"), maxResponseBytes);
  }

  /**
   * A copy with another cap on a response body once decoded (gzip included), in bytes (default
   * 32 MB). A larger body fails with
   * {@link io.github.coupontools.sdk.exception.ResponseTooLargeException}.
   */
  public RequestOptions withMaxResponseBytes(long bytes) {
    return new RequestOptions(connectTimeout, readTimeout, maxRetries, headers, callTimeout,
        bytes);
  }

  /**
   * A copy with another read timeout (finite, positive): the longest wait for the whole response,
   * from sending the request to the last byte of the body.
   */
  public RequestOptions withReadTimeout(Duration timeout) {
    return new RequestOptions(connectTimeout, timeout, maxRetries, headers, callTimeout,
        maxResponseBytes);
  }

  /**
   * A copy that also sends this header with every call, for example {@code Prefer} to pick a
   * documented example from the mock. The SDK's own headers (credentials, content type,
   * {@code User-Agent}) cannot be replaced.
   */
  public RequestOptions withHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
      // CR/LF would let a value add headers of its own (header injection).
      throw new IllegalArgumentException("header " + name + ": the value must not contain CR, LF"
          + " or other control characters");
    }
    if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || !name.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("header " + name + " is set by the SDK or not a valid"
          + " header name");
    }
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new RequestOptions(connectTimeout, readTimeout, maxRetries, Map.copyOf(more),
        callTimeout, maxResponseBytes);
  }

  /**
   * A copy with another number of automatic retries (0 to 10). Operations that create or send
   * something are retried only when the request certainly did not reach the server.
   */
  public RequestOptions withMaxRetries(int retries) {
    return new RequestOptions(connectTimeout, readTimeout, retries, headers, callTimeout,
        maxResponseBytes);
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

  /** The overall deadline of a call, retries included, if one is set. */
  public java.util.Optional<Duration> callTimeout() {
    return java.util.Optional.ofNullable(callTimeout);
  }

  /** The cap on a decoded response body, in bytes. */
  public long maxResponseBytes() {
    return maxResponseBytes;
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
        && maxRetries == that.maxRetries && headers.equals(that.headers)
        && Objects.equals(callTimeout, that.callTimeout)
        && maxResponseBytes == that.maxResponseBytes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectTimeout, readTimeout, maxRetries, headers, callTimeout,
        maxResponseBytes);
  }

  @Override
  public String toString() {
    return "RequestOptions[connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", maxRetries=" + maxRetries + ", callTimeout=" + callTimeout + ", maxResponseBytes="
        + maxResponseBytes + ", headers=" + headers.keySet() + "]";
  }
}
