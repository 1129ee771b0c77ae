package io.github.coupontools.sdk;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the client sends: one HTTP exchange, nothing more. A transport follows no redirect, does
 * not retry and never logs headers (they carry the secret); validation, credentials, JSON, errors
 * and retries are the client's, so every transport behaves the same. The default is Apache
 * HttpClient 5 ({@link CouponToolsClient.Builder#httpClient} to pass your own);
 * {@link JerseyTransport} sends through a JAX-RS client of yours.
 */
public interface Transport extends AutoCloseable {

  /**
   * Sends the request and reads the whole response body within the request's timeouts: the read
   * timeout bounds the whole response, and a body larger than {@link Request#maxBodyBytes()}
   * once decoded is not read further ({@code internal.BoundedBody} does both).
   *
   * @throws IOException when no usable response was received; a
   *     {@link java.net.ConnectException} or {@link java.net.UnknownHostException} means the
   *     request was certainly not sent, a {@link java.net.SocketTimeoutException} a timeout
   * @throws IllegalStateException when the transport is closed
   */
  Response send(Request request) throws IOException;

  /** Releases the connections this transport owns; connections a caller passed in stay open. */
  @Override
  void close();

  /** A request: method, absolute URL, headers in order, the body (JSON, or none) and the timeouts. */
  final class Request {
    private final String method;
    private final URI uri;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final long maxBodyBytes;

    /** A request whose response body may be up to {@link RequestOptions#DEFAULT_MAX_RESPONSE_BYTES}. */
    public Request(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body,
        Duration connectTimeout, Duration readTimeout) {
      this(method, uri, headers, body, connectTimeout, readTimeout,
          RequestOptions.DEFAULT_MAX_RESPONSE_BYTES);
    }

    /**
     * @param body the JSON body, or null for a request without one
     * @param readTimeout the longest wait for the whole response, last body byte included
     * @param maxBodyBytes the cap on the decoded response body
     */
    public Request(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body,
        Duration connectTimeout, Duration readTimeout, long maxBodyBytes) {
      this.method = method;
      this.uri = uri;
      this.headers = List.copyOf(headers);
      this.body = body;
      this.connectTimeout = connectTimeout;
      this.readTimeout = readTimeout;
      this.maxBodyBytes = maxBodyBytes;
    }

    /** The cap on the decoded response body, in bytes. */
    public long maxBodyBytes() {
      return maxBodyBytes;
    }

    public String method() {
      return method;
    }

    public URI uri() {
      return uri;
    }

    public List<Map.Entry<String, String>> headers() {
      return headers;
    }

    /** The JSON body; empty for a request without one (the v4 {@code GET} and {@code DELETE}). */
    public Optional<byte[]> body() {
      return Optional.ofNullable(body);
    }

    public Duration connectTimeout() {
      return connectTimeout;
    }

    public Duration readTimeout() {
      return readTimeout;
    }

    /** Never the headers: they carry the secret. */
    @Override
    public String toString() {
      return "Transport.Request[" + method + " " + uri + "]";
    }
  }

  /** A response: status, the headers the invoker reads, and the whole body. */
  final class Response {
    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    /**
     * @param headers first value of each response header, names in lower case
     * @param body the whole body; null when the response had none
     */
    public Response(int status, Map<String, String> headers, byte[] body) {
      this.status = status;
      this.headers = Map.copyOf(headers);
      this.body = body == null ? new byte[0] : body;
    }

    public int status() {
      return status;
    }

    /** The first value of a header, by lower-case name. */
    public Optional<String> header(String lowerCaseName) {
      return Optional.ofNullable(headers.get(lowerCaseName));
    }

    /** The whole body as received; an empty array when the response had none. */
    public byte[] body() {
      return body;
    }
  }
}
