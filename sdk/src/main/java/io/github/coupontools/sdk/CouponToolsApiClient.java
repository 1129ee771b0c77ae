package io.github.coupontools.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
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
import io.github.coupontools.sdk.generated.model.Status;
import io.github.coupontools.sdk.generated.model.UpdateCouponSessionStatus;
import jakarta.ws.rs.core.GenericType;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
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
  private static final ContentType JSON = ContentType.create("application/json");
  private static final byte[] NO_BODY = new byte[0];
  private static final int BODY_EXCERPT = 300;

  private final Shared shared;
  private final RequestOptions options;
  private final RequestConfig requestConfig;

  /** What all views of one client share: HTTP client, credentials, JSON and validation. */
  static final class Shared {
    final CloseableHttpClient http;
    final URI baseUrl;
    final String clientId;
    final String clientSecret;
    final String userAgent;
    final ObjectMapper mapper;
    final RequestValidator validator;
    final RetryPolicy retries = new RetryPolicy();
    final boolean logRequests;

    /** Per-call lookups made once: the URL of each path, the reader of each response type. */
    final ConcurrentMap<String, URI> targets = new ConcurrentHashMap<>();
    final ConcurrentMap<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    Shared(CloseableHttpClient http, URI baseUrl, String clientId, String clientSecret, String userAgent,
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
    this.requestConfig = requestConfig(options);
    setBasePath(shared.baseUrl.toString());
  }

  /**
   * The per-call timeouts: connect, and the longest wait for any bytes of the response (which
   * therefore also bounds a body that trickles in).
   */
  @SuppressWarnings("deprecation") // per request, as views with other options share the pool
  private static RequestConfig requestConfig(RequestOptions options) {
    return RequestConfig.custom()
        .setConnectTimeout(Timeout.ofMilliseconds(options.connectTimeout().toMillis()))
        .setResponseTimeout(Timeout.ofMilliseconds(options.readTimeout().toMillis()))
        .build();
  }

  /** The transport lives in {@link Shared}; the generated per-instance client is never built. */
  @Override
  protected jakarta.ws.rs.client.Client buildHttpClient() {
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
    ObjectReader reader = shared.readers.computeIfAbsent(returnType.getType(),
        type -> shared.mapper.readerFor(shared.mapper.constructType(type)));
    URI target = shared.targets.computeIfAbsent(path, p -> URI.create(shared.baseUrl + p));
    T result = shared.retries.execute(operationId, options.maxRetries(),
        () -> exchange(operationId, target, method, payload, reader));
    return new ApiResponse<>(200, Map.of(), result);
  }

  /** Status, {@code Retry-After} and body of one HTTP exchange. */
  private static final class Answer {
    final int status;
    final String retryAfter;
    final byte[] body;

    Answer(int status, String retryAfter, byte[] body) {
      this.status = status;
      this.retryAfter = retryAfter;
      this.body = body;
    }
  }

  private <T> T exchange(String operationId, URI target, String method, byte[] payload,
      ObjectReader reader) {
    long started = System.nanoTime();
    HttpUriRequestBase request = new HttpUriRequestBase(method, target);
    request.setConfig(requestConfig);
    options.headers().forEach(request::addHeader);
    request.setHeader("Accept", "application/json");
    request.setHeader("X-Client-Id", shared.clientId);
    request.setHeader("X-Client-Secret", shared.clientSecret);
    request.setHeader("User-Agent", shared.userAgent);
    request.setEntity(new ByteArrayEntity(payload, JSON));
    Answer answer;
    try {
      // The whole body is read inside the handler, under the read timeout; the connection then
      // goes back to the pool (or is closed if reading failed).
      answer = shared.http.execute(request, response -> {
        Header retryAfter = response.getFirstHeader("Retry-After");
        HttpEntity entity = response.getEntity();
        return new Answer(response.getCode(), retryAfter == null ? null : retryAfter.getValue(),
            entity == null ? NO_BODY : EntityUtils.toByteArray(entity));
      });
    } catch (IOException e) {
      log(operationId, target, "failed: " + shared.redact(String.valueOf(e)), started);
      throw connectionFailure(operationId, target, e);
    } catch (IllegalStateException closed) {
      // HttpClient's "Connection pool shut down": the client was closed. Not retried.
      throw new CouponToolsException(operationId + " was not sent: the client is closed ("
          + closed.getMessage() + ")", closed);
    }
    log(operationId, target, "HTTP " + answer.status, started);
    return read(operationId, answer.status, answer.body, answer.retryAfter, reader);
  }

  private <T> T read(String operationId, int status, byte[] body, String retryAfter,
      ObjectReader reader) {
    if (status >= 200 && status < 300) {
      T answer = readSuccess(body, reader);
      if (answer != null) {
        return answer;
      }
    }
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
      // The envelope's texts are redacted like the raw body: a server may echo the secret.
      throw ErrorClassifier.parse(tree).map(envelope -> envelope.withTexts(shared::redact))
          .map(envelope -> ErrorClassifier.toException(operationId, status, envelope, raw))
          .orElseGet(() -> new UnexpectedResponseException(operationId + " got HTTP " + status
              + " without the Coupontools status envelope: " + excerpt(raw), status, raw,
              parseRetryAfter(retryAfter)));
    }
    try {
      return reader.readValue(tree);
    } catch (IOException e) {
      String reason = e instanceof JsonProcessingException
          ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
      String where = e instanceof JsonMappingException ? jsonPath((JsonMappingException) e) : "";
      throw new UnexpectedResponseException(operationId + " got a response that does not fit the"
          + " contract" + shared.redact(where + ": " + reason), status, raw);
    }
  }

  /**
   * The usual answer in one pass: a body parsed straight into the response model whose status
   * envelope says {@code OK}. Null for anything else, which the checks of {@link #read} then
   * parse again and explain; the body is only decoded as text (and redacted) for those.
   */
  private static <T> T readSuccess(byte[] body, ObjectReader reader) {
    if (body.length == 0) {
      return null;
    }
    try {
      T answer = reader.readValue(body);
      Method status = answer == null ? null : STATUS_ENVELOPE.get(answer.getClass());
      if (status == null) {
        return null;
      }
      Object envelope = status.invoke(answer);
      String value = envelope instanceof Status ? ((Status) envelope).getStatus()
          : envelope instanceof UpdateCouponSessionStatus
              ? ((UpdateCouponSessionStatus) envelope).getStatus() : null;
      return "OK".equals(value) ? answer : null;
    } catch (IOException | RuntimeException | ReflectiveOperationException notTheUsualAnswer) {
      return null;
    }
  }

  /** Each response model's {@code getStatus()} (the status envelope), looked up once per class. */
  private static final ClassValue<Method> STATUS_ENVELOPE = new ClassValue<>() {
    @Override
    protected Method computeValue(Class<?> type) {
      try {
        Method getter = type.getMethod("getStatus");
        // couponsession/update has its own envelope, which may carry the operation.
        return getter.getReturnType() == Status.class
            || getter.getReturnType() == UpdateCouponSessionStatus.class ? getter : null;
      } catch (NoSuchMethodException noEnvelope) {
        return null;
      }
    }
  };

  private CouponToolsException connectionFailure(String operationId, URI target,
      IOException cause) {
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

  /** Where in the body reading failed, for example {@code " at searchresults[0].coupon"}. */
  private static String jsonPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference step : e.getPath()) {
      if (step.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "" : " at " + path;
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
