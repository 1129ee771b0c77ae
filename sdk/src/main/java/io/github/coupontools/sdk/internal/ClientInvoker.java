package io.github.coupontools.sdk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.coupontools.sdk.RequestOptions;
import io.github.coupontools.sdk.exception.ApiConnectionException;
import io.github.coupontools.sdk.exception.ApiTimeoutException;
import io.github.coupontools.sdk.exception.CallTimeoutException;
import io.github.coupontools.sdk.exception.RedirectNotFollowedException;
import io.github.coupontools.sdk.exception.ResponseTooLargeException;
import io.github.coupontools.sdk.exception.CouponToolsException;
import io.github.coupontools.sdk.exception.RateLimitException;
import io.github.coupontools.sdk.exception.RequestValidationException;
import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import io.github.coupontools.sdk.Transport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place every generated operation goes through: validates the request, sends it over the
 * {@link Transport} with the credentials, timeouts and {@code User-Agent}, retries as the
 * operation's descriptor allows ({@link RetryPolicy}), and turns every failure into a
 * {@link CouponToolsException}. Immutable; one per client view (options).
 */
public final class ClientInvoker implements Invoker {

  private static final Logger LOG =
      LoggerFactory.getLogger("io.github.coupontools.sdk.CouponToolsClient");
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
  private static final int BODY_EXCERPT = 300;

  private final Shared shared;
  private final RequestOptions options;

  /** What all views of one client share: transport, credentials and JSON. */
  public static final class Shared {
    final Transport transport;
    final URI baseUrl;
    final String clientId;
    final String clientSecret;
    final String userAgent;
    final ObjectMapper mapper;
    final RetryPolicy retries = new RetryPolicy();
    final boolean logRequests;

    /** Per-call lookups made once: the URL of each path, the reader of each response type. */
    final ConcurrentMap<String, URI> targets = new ConcurrentHashMap<>();
    final ConcurrentMap<JavaType, ObjectReader> readers = new ConcurrentHashMap<>();

    public Shared(Transport transport, URI baseUrl, String clientId, String clientSecret,
        String userAgent, ObjectMapper mapper, boolean logRequests) {
      this.transport = transport;
      this.baseUrl = baseUrl;
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      this.userAgent = userAgent;
      this.mapper = mapper;
      this.logRequests = logRequests;
    }

    /** The secrets each response type may carry, found on the first answer kept for an error. */
    final ConcurrentMap<JavaType, Optional<Pattern>> secretValues = new ConcurrentHashMap<>();

    /** Removes the secret from text that came from elsewhere (bodies, exception texts). */
    String redact(String text) {
      return text == null || clientSecret.isEmpty() ? text : text.replace(clientSecret, "[REDACTED]");
    }

    /**
     * A body kept for an exception: without the client secret, and without the values of the
     * secrets an answer of this type carries (an answer that does not fit the contract may still
     * hold a single sign-on token).
     */
    String redactBody(JavaType responseType, byte[] body) {
      String text = redact(new String(body, StandardCharsets.UTF_8));
      return secretValues.computeIfAbsent(responseType, type -> SecretValues.patternFor(mapper, type))
          .map(secrets -> SecretValues.redact(secrets, text)).orElse(text);
    }

    public Transport transport() {
      return transport;
    }

    public URI baseUrl() {
      return baseUrl;
    }

    public String clientId() {
      return clientId;
    }

    public ObjectMapper mapper() {
      return mapper;
    }
  }

  public ClientInvoker(Shared shared, RequestOptions options) {
    this.shared = shared;
    this.options = options;
  }

  @Override
  public <Q, R> R invoke(Operation<Q, R> operation, Object[] parameters, Q request,
      RequestOptions callOptions) {
    RequestOptions call = callOptions == null ? options : callOptions;
    String operationId = operation.operationId();
    // Parameters first: a wrong path parameter must never reach the network, whatever the body.
    URI target = operation.parameters().isEmpty()
        ? shared.targets.computeIfAbsent(operation.path(), p -> URI.create(shared.baseUrl + p))
        : URI.create(shared.baseUrl + PathAndQuery.of(operation, parameters));
    byte[] payload;
    if (operation.body() == Operation.Body.EMPTY_OBJECT) {
      payload = EMPTY_OBJECT;
    } else if (operation.body() == Operation.Body.NONE) {
      payload = null;
    } else {
      RequestValidator.validate(operationId, request);
      try {
        payload = shared.mapper.writeValueAsBytes(request);
      } catch (JsonProcessingException e) {
        throw new RequestValidationException(operationId + ": the request cannot be written as"
            + " JSON: " + e.getOriginalMessage());
      }
    }
    ObjectReader reader = shared.readers.computeIfAbsent(operation.responseType(),
        shared.mapper::readerFor);
    Class<?> responseClass = operation.responseType().getRawClass();
    boolean binary = BinaryBodyHolder.class.isAssignableFrom(responseClass);
    Class<?> binaryType = binary ? responseClass : null;
    List<Map.Entry<String, String>> headers = headers(call, binary, operation);
    Duration callTimeout = call.callTimeout().orElse(null);
    if (callTimeout == null) {
      Transport.Request sent = new Transport.Request(operation.method(), target, headers,
          payload, call.connectTimeout(), call.readTimeout(), call.maxResponseBytes());
      return shared.retries.execute(operation, call.maxRetries(), 0,
          lastFailure -> exchange(operation, sent, call, reader, binaryType));
    }
    // Each attempt gets what is left of the call's deadline, so retries cannot outlive it.
    long deadline = System.nanoTime() + callTimeout.toNanos();
    try {
      return shared.retries.execute(operation, call.maxRetries(), deadline, lastFailure -> {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw callTimedOut(operationId, callTimeout, lastFailure);
        }
        Duration left = Duration.ofNanos(Math.max(remaining, 1_000_000));
        Transport.Request sent = new Transport.Request(operation.method(), target, headers,
            payload, shorter(call.connectTimeout(), left), shorter(call.readTimeout(), left),
            call.maxResponseBytes());
        return exchange(operation, sent, call, reader, binaryType);
      });
    } catch (ApiTimeoutException timedOut) {
      if (!(timedOut instanceof CallTimeoutException) && System.nanoTime() - deadline >= 0) {
        throw callTimedOut(operationId, callTimeout, timedOut);
      }
      throw timedOut;
    }
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static CallTimeoutException callTimedOut(String operationId, Duration callTimeout,
      Throwable lastFailure) {
    boolean sent = !(lastFailure instanceof ApiConnectionException)
        || ((ApiConnectionException) lastFailure).requestSent();
    return new CallTimeoutException(operationId + ": the call timeout of " + callTimeout.toMillis()
        + " ms passed" + (lastFailure == null ? "" : "; last failure: " + lastFailure.getMessage()),
        lastFailure, lastFailure != null && sent);
  }

  private List<Map.Entry<String, String>> headers(RequestOptions call, boolean binary,
      Operation<?, ?> operation) {
    List<Map.Entry<String, String>> headers = new ArrayList<>(call.headers().size() + 6);
    call.headers().forEach((name, value) -> headers.add(new SimpleImmutableEntry<>(name, value)));
    headers.add(new SimpleImmutableEntry<>("Accept",
        binary ? "application/json, image/*" : "application/json"));
    // The header names of the operation's security requirement (X-Client-* or x-api-*, or both
    // where the contract accepts either pair); the values are always the client's credentials.
    for (Operation.Credential credential : operation.credentials()) {
      headers.add(new SimpleImmutableEntry<>(credential.header(),
          credential.secret() ? shared.clientSecret : shared.clientId));
    }
    headers.add(new SimpleImmutableEntry<>("User-Agent", shared.userAgent));
    return headers;
  }

  private <T> T exchange(Operation<?, ?> operation, Transport.Request request,
      RequestOptions call, ObjectReader reader, Class<?> binaryType) {
    String operationId = operation.operationId();
    long started = System.nanoTime();
    URI target = request.uri();
    Transport.Response answer;
    try {
      answer = shared.transport.send(request);
    } catch (BoundedBody.TooLargeException tooLarge) {
      log(operationId, request.method(), target, "failed: body over " + tooLarge.limit()
          + " bytes", started);
      throw new ResponseTooLargeException(operationId + " got a response body larger than "
          + tooLarge.limit() + " bytes once decoded (maxResponseBytes); not read further",
          tooLarge, tooLarge.limit());
    } catch (IOException e) {
      log(operationId, request.method(), target, "failed: " + shared.redact(String.valueOf(e)),
          started);
      throw connectionFailure(operationId, target, call, e);
    } catch (IllegalStateException closed) {
      // A closed transport (HttpClient: "Connection pool shut down"). Not retried.
      throw new CouponToolsException(operationId + " was not sent: the client is closed ("
          + closed.getMessage() + ")", closed);
    }
    log(operationId, request.method(), target, "HTTP " + answer.status(), started);
    if (answer.status() >= 300 && answer.status() < 400) {
      String location = answer.header("location").map(shared::redact).orElse(null);
      throw new RedirectNotFollowedException(operationId + " got HTTP " + answer.status()
          + (location == null ? " without a Location" : " redirecting to " + location)
          + ": not followed, the API documents no redirect (the request and its credentials were"
          + " not sent there)", answer.status(), location,
          shared.redactBody(operation.responseType(), answer.body()));
    }
    if (binaryType != null && answer.status() / 100 == 2) {
      String type = answer.header("content-type").orElse("");
      if (!type.isEmpty() && !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
        return binaryAnswer(binaryType, answer.body(), type);
      }
    }
    if (!operation.enveloped()) {
      return readBare(operation, answer.status(), answer.body(),
          answer.header("retry-after").orElse(null), reader);
    }
    return read(operation, answer.status(), answer.body(),
        answer.header("retry-after").orElse(null), reader);
  }

  /**
   * The answer of an operation without the status envelope (v4 REST): any 2xx JSON is the answer
   * (an empty body reads as {@code {}} or {@code []}); an error is classified by its Coupontools
   * error envelope if it has one, else by HTTP status ({@link ErrorClassifier#byStatus}). The v4
   * error format is undocumented, so no error body shape makes the SDK fail differently.
   */
  private <T> T readBare(Operation<?, ?> operation, int status, byte[] body, String retryAfter,
      ObjectReader reader) {
    String operationId = operation.operationId();
    // Decoded and redacted only for an exception: most answers are read without it.
    java.util.function.Supplier<String> raw = () -> shared.redactBody(operation.responseType(), body);
    boolean blank = new String(body, StandardCharsets.UTF_8).isBlank();
    if (status == 429) {
      throw new RateLimitException(operationId + " was rate limited (HTTP 429)", raw.get(),
          parseRetryAfter(retryAfter));
    }
    JsonNode tree;
    try {
      tree = blank ? null : shared.mapper.readTree(body);
    } catch (IOException notJson) {
      tree = null;
    }
    if (status >= 200 && status < 300) {
      boolean failedEnvelope = tree != null && tree.path("status").isObject()
          && !"OK".equals(tree.path("status").path("status").asText("OK"))
          && ErrorClassifier.parse(tree).isPresent();
      if (!failedEnvelope) {
        if (blank) {
          tree = operation.responseType().isContainerType() && !operation.responseType()
              .isMapLikeType() ? shared.mapper.createArrayNode() : shared.mapper.createObjectNode();
        } else if (tree == null) {
          String kept = raw.get();
          throw new UnexpectedResponseException(operationId + " got HTTP " + status
              + " with a body that is not JSON: " + excerpt(kept), status, kept,
              parseRetryAfter(retryAfter));
        }
        try {
          T answer = reader.readValue(tree);
          return withRawJson(answer, tree);
        } catch (IOException e) {
          String reason = e instanceof JsonProcessingException
              ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
          String where = e instanceof JsonMappingException ? jsonPath((JsonMappingException) e) : "";
          throw new UnexpectedResponseException(operationId + " got a response that does not fit"
              + " the contract" + shared.redact(where + ": " + reason), status, raw.get());
        }
      }
    }
    throw ErrorClassifier.byStatus(operationId, status, tree, raw.get(), shared::redact,
        parseRetryAfter(retryAfter));
  }

  private <T> T read(Operation<?, ?> operation, int status, byte[] body, String retryAfter,
      ObjectReader reader) {
    if (status >= 200 && status < 300) {
      T answer = readSuccess(body, reader);
      if (answer != null) {
        return withRawJson(answer, body);
      }
    }
    String operationId = operation.operationId();
    String raw = shared.redactBody(operation.responseType(), body);
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
      return withRawJson(reader.readValue(tree), body);
    } catch (IOException e) {
      String reason = e instanceof JsonProcessingException
          ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
      String where = e instanceof JsonMappingException ? jsonPath((JsonMappingException) e) : "";
      throw new UnexpectedResponseException(operationId + " got a response that does not fit the"
          + " contract" + shared.redact(where + ": " + reason), status, raw);
    }
  }

  /** A successful answer that is not JSON (a barcode image), kept on the operation's result. */
  @SuppressWarnings("unchecked")
  private static <T> T binaryAnswer(Class<?> type, byte[] body, String contentType) {
    try {
      Object result = type.getDeclaredConstructor().newInstance();
      ((BinaryBodyHolder) result).binaryBody(body, contentType);
      return (T) result;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("generated model without a public constructor: " + type, e);
    }
  }

  /**
   * Lets the answer offer the JSON it was read from; each element of a bare array answer gets
   * its own element of the JSON.
   */
  private static <T> T withRawJson(T answer, JsonNode tree) {
    if (answer instanceof RawJsonHolder) {
      ((RawJsonHolder) answer).rawJsonSource(() -> tree);
    } else if (answer instanceof List && tree.isArray()) {
      List<?> items = (List<?>) answer;
      for (int i = 0; i < items.size() && i < tree.size(); i++) {
        if (items.get(i) instanceof RawJsonHolder) {
          JsonNode item = tree.get(i);
          ((RawJsonHolder) items.get(i)).rawJsonSource(() -> item);
        }
      }
    }
    return answer;
  }

  /** Lets the response offer the JSON it was read from, parsed again only if asked for. */
  private <T> T withRawJson(T answer, byte[] body) {
    if (answer instanceof RawJsonHolder) {
      ((RawJsonHolder) answer).rawJsonSource(() -> {
        try {
          return shared.mapper.readTree(body);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    return answer;
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
      // The contract marks the models with the envelope (x-implements StatusEnvelope).
      if (!(answer instanceof StatusEnvelope)) {
        return null;
      }
      StatusEnvelope.Outcome outcome = ((StatusEnvelope) answer).getStatus();
      return outcome != null && "OK".equals(outcome.getStatus()) ? answer : null;
    } catch (IOException | RuntimeException notTheUsualAnswer) {
      return null;
    }
  }

  private CouponToolsException connectionFailure(String operationId, URI target,
      RequestOptions options, IOException cause) {
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

  private void log(String operationId, String method, URI target, String outcome,
      long startedNanos) {
    if (shared.logRequests && LOG.isInfoEnabled()) {
      LOG.info("coupontools {} {} {} -> {} in {} ms", operationId, method, target.getRawPath(),
          outcome, (System.nanoTime() - startedNanos) / 1_000_000);
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("coupontools {} {} {} -> {} in {} ms", operationId, method, target.getRawPath(),
          outcome, (System.nanoTime() - startedNanos) / 1_000_000);
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

  /** Retry-After in either form of RFC 9110: delay seconds or an HTTP date. */
  static Duration parseRetryAfter(String header) {
    if (header == null) {
      return null;
    }
    String value = header.trim();
    if (value.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Duration wait = Duration.between(java.time.Instant.now(), java.time.ZonedDateTime.parse(value,
          java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (java.time.format.DateTimeParseException notADate) {
      return null;
    }
  }

  private static String excerpt(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() <= BODY_EXCERPT ? flat : flat.substring(0, BODY_EXCERPT) + "...";
  }

  public RequestOptions options() {
    return options;
  }

  @Override
  public String toString() {
    return "ClientInvoker[" + shared.baseUrl + ", " + options + "]";
  }
}
