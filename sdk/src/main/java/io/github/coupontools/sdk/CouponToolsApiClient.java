package io.github.coupontools.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coupontools.sdk.exception.ApiConnectionException;
import io.github.coupontools.sdk.exception.ApiTimeoutException;
import io.github.coupontools.sdk.exception.CouponToolsException;
import io.github.coupontools.sdk.exception.ErrorClassifier;
import io.github.coupontools.sdk.exception.RateLimitException;
import io.github.coupontools.sdk.exception.RequestValidationException;
import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import io.github.coupontools.sdk.generated.invoker.ApiClient;
import io.github.coupontools.sdk.generated.invoker.ApiResponse;
import io.github.coupontools.sdk.generated.invoker.Pair;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.client.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generated {@link ApiClient} with the SDK's transport: every generated operation goes
 * through {@link #invokeAPI} here, which validates the request, sends it with the credentials,
 * timeouts and {@code User-Agent}, retries by {@link RetryPolicy}, and turns every failure into a
 * {@link CouponToolsException}. Immutable; one per {@link CouponToolsClient} and options set.
 */
final class CouponToolsApiClient extends ApiClient {

  private static final Logger LOG = LoggerFactory.getLogger(CouponToolsClient.class);
  private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;
  private static final int BODY_EXCERPT = 300;

  private final Shared shared;
  private final RequestOptions options;

  /** What all views of one client share: HTTP client, credentials, JSON and validation. */
  static final class Shared {
    final Client http;
    final URI baseUrl;
    final String clientId;
    final String clientSecret;
    final String userAgent;
    final ObjectMapper mapper;
    final RequestValidator validator;
    final RetryPolicy retries = new RetryPolicy();
    final boolean logRequests;

    Shared(Client http, URI baseUrl, String clientId, String clientSecret, String userAgent,
        ObjectMapper mapper, boolean logRequests) {
      this.http = http;
      this.baseUrl = baseUrl;
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      this.userAgent = userAgent;
      this.mapper = mapper;
      this.validator = new RequestValidator(mapper);
      this.logRequests = logRequests;
    }

    /** Removes the secret from text that came from elsewhere (bodies, exception texts). */
    String redact(String text) {
      return text == null || clientSecret.isEmpty() ? text : text.replace(clientSecret, "[REDACTED]");
    }
  }

  CouponToolsApiClient(Shared shared, RequestOptions options) {
    this.shared = shared;
    this.options = options;
    setBasePath(shared.baseUrl.toString());
  }

  /** The transport lives in {@link Shared}; the generated per-instance client is never built. */
  @Override
  protected Client buildHttpClient() {
    return null;
  }

  @Override
  public <T> ApiResponse<T> invokeAPI(String operation, String path, String method,
      List<Pair> queryParams, Object body, Map<String, String> headerParams,
      Map<String, String> cookieParams, Map<String, Object> formParams, String accept,
      String contentType, String[] authNames, GenericType<T> returnType, boolean isBodyNullable,
      @SuppressWarnings("rawtypes") Map<String, GenericType> errorTypes) {
    String operationId = operation.substring(operation.indexOf('.') + 1);
    shared.validator.validate(operationId, body);
    byte[] payload;
    try {
      payload = shared.mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new RequestValidationException(operationId + ": the request cannot be written as JSON: "
          + e.getOriginalMessage());
    }
    JavaType type = shared.mapper.getTypeFactory().constructType(returnType.getType());
    URI target = URI.create(shared.baseUrl + path);
    T result = shared.retries.execute(operationId, options.maxRetries(),
        () -> exchange(operationId, target, method, payload, type));
    return new ApiResponse<>(200, Map.of(), result);
  }

  private <T> T exchange(String operationId, URI target, String method, byte[] payload,
      JavaType type) {
    long started = System.nanoTime();
    int status;
    byte[] body;
    String retryAfter;
    Invocation.Builder request = shared.http.target(target).request(JSON);
    options.headers().forEach(request::header);
    try (Response response = request
        .header("X-Client-Id", shared.clientId)
        .header("X-Client-Secret", shared.clientSecret)
        .header("User-Agent", shared.userAgent)
        .property(ClientProperties.CONNECT_TIMEOUT, (int) options.connectTimeout().toMillis())
        .property(ClientProperties.READ_TIMEOUT, (int) options.readTimeout().toMillis())
        .method(method, Entity.entity(payload, JSON))) {
      status = response.getStatus();
      retryAfter = response.getHeaderString("Retry-After");
      body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
    } catch (ProcessingException e) {
      log(operationId, target, "failed: " + e.getCause(), started);
      throw connectionFailure(operationId, target, e);
    }
    log(operationId, target, "HTTP " + status, started);
    return read(operationId, status, body, retryAfter, type);
  }

  private <T> T read(String operationId, int status, byte[] body, String retryAfter,
      JavaType type) {
    String raw = shared.redact(new String(body, StandardCharsets.UTF_8));
    if (status == 429) {
      throw new RateLimitException(operationId + " was rate limited (HTTP 429)", raw,
          parseRetryAfter(retryAfter));
    }
    JsonNode tree;
    try {
      tree = body.length == 0 ? null : shared.mapper.readTree(body);
    } catch (IOException notJson) {
      tree = null;
    }
    if (tree == null || !tree.isObject()) {
      throw new UnexpectedResponseException(operationId + " got HTTP " + status + " with "
          + (body.length == 0 ? "an empty body" : "a body that is not a JSON object: "
          + excerpt(raw)), status, raw, parseRetryAfter(retryAfter));
    }
    if (status < 200 || status >= 300 || !"OK".equals(tree.path("status").path("status").asText())) {
      throw ErrorClassifier.parse(tree)
          .map(envelope -> ErrorClassifier.toException(operationId, status, envelope, raw))
          .orElseGet(() -> new UnexpectedResponseException(operationId + " got HTTP " + status
              + " without the Coupontools status envelope: " + excerpt(raw), status, raw,
              parseRetryAfter(retryAfter)));
    }
    try {
      return shared.mapper.readerFor(type).readValue(tree);
    } catch (IOException e) {
      String reason = e instanceof JsonProcessingException
          ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
      throw new UnexpectedResponseException(operationId + " got a response that does not fit the"
          + " contract: " + shared.redact(reason), status, raw);
    }
  }

  private CouponToolsException connectionFailure(String operationId, URI target,
      ProcessingException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String where = operationId + " to " + target.getScheme() + "://" + target.getAuthority();
    String detail = shared.redact(String.valueOf(cause.getMessage()));
    if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
      boolean connecting = detail.toLowerCase(java.util.Locale.ROOT).contains("connect");
      return new ApiTimeoutException(where + ": " + (connecting ? "connect" : "read")
          + " timed out after " + (connecting ? options.connectTimeout() : options.readTimeout())
          .toMillis() + " ms", cause, !connecting);
    }
    boolean notSent = cause instanceof ConnectException || cause instanceof UnknownHostException
        || cause instanceof NoRouteToHostException;
    return new ApiConnectionException(where + ": " + (notSent ? "could not connect" :
        "connection failed") + " (" + cause.getClass().getSimpleName() + ": " + detail + ")",
        cause, !notSent);
  }

  private void log(String operationId, URI target, String outcome, long startedNanos) {
    if (shared.logRequests && LOG.isInfoEnabled()) {
      LOG.info("coupontools {} POST {} -> {} in {} ms", operationId, target.getPath(), outcome,
          (System.nanoTime() - startedNanos) / 1_000_000);
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("coupontools {} POST {} -> {} in {} ms", operationId, target.getPath(), outcome,
          (System.nanoTime() - startedNanos) / 1_000_000);
    }
  }

  private static Duration parseRetryAfter(String header) {
    if (header == null || !header.trim().matches("\\d{1,6}")) {
      return null;
    }
    return Duration.ofSeconds(Long.parseLong(header.trim()));
  }

  private static String excerpt(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() <= BODY_EXCERPT ? flat : flat.substring(0, BODY_EXCERPT) + "...";
  }

  RequestOptions options() {
    return options;
  }

  @Override
  public String toString() {
    return "CouponToolsApiClient[" + shared.baseUrl + ", " + options + "]";
  }
}
