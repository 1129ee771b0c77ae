package io.github.coupontools.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.coupontools.sdk.exception.AuthenticationException;
import io.github.coupontools.sdk.exception.CouponToolsException;
import io.github.coupontools.sdk.exception.DeliveryException;
import io.github.coupontools.sdk.exception.InvalidParameterException;
import io.github.coupontools.sdk.exception.MissingParameterException;
import io.github.coupontools.sdk.exception.NotFoundException;
import io.github.coupontools.sdk.exception.SessionStateException;
import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Turns a Coupontools error envelope into the exception of its documented error class.
 *
 * <table>
 *   <caption>Error code classes</caption>
 *   <tr><th>Codes</th><th>Exception</th></tr>
 *   <tr><td>1000, 100-199</td><td>{@link AuthenticationException}</td></tr>
 *   <tr><td>200-299</td><td>{@link MissingParameterException}</td></tr>
 *   <tr><td>300-349, 400</td><td>{@link InvalidParameterException}</td></tr>
 *   <tr><td>350-399</td><td>{@link SessionStateException}</td></tr>
 *   <tr><td>500-599</td><td>{@link NotFoundException}</td></tr>
 *   <tr><td>600-699</td><td>{@link DeliveryException}</td></tr>
 *   <tr><td>other</td><td>{@link CouponToolsException}</td></tr>
 * </table>
 */
public final class ErrorClassifier {

  private ErrorClassifier() {}

  /** Codes and descriptions read from an error envelope. */
  public static final class Envelope {
    private final List<Integer> codes;
    private final List<String> descriptions;
    private final String summary;

    Envelope(List<Integer> codes, List<String> descriptions, String summary) {
      this.codes = codes;
      this.descriptions = descriptions;
      this.summary = summary;
    }

    public List<Integer> codes() {
      return codes;
    }

    public List<String> descriptions() {
      return descriptions;
    }

    /** The {@code error_message} summary, for example {@code HTTP/1.0 422 Unprocessable entity.}. */
    public String summary() {
      return summary;
    }

    /** A copy whose descriptions and summary went through {@code edit}, for example to redact. */
    public Envelope withTexts(UnaryOperator<String> edit) {
      List<String> edited = new ArrayList<>();
      descriptions.forEach(text -> edited.add(edit.apply(text)));
      return new Envelope(codes, List.copyOf(edited), edit.apply(summary));
    }
  }

  /**
   * Reads the error envelope in any of its documented shapes ({@code errors} inside or beside
   * {@code status}; {@code error_code} scalar or array), or empty when the body is not one.
   */
  public static Optional<Envelope> parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    JsonNode errors = root.path("status").path("errors");
    if (!errors.isObject()) {
      errors = root.path("errors");
    }
    if (!errors.isObject()) {
      return Optional.empty();
    }
    List<Integer> codes = new ArrayList<>();
    for (JsonNode code : asList(errors.path("error_code"))) {
      if (code.canConvertToInt() || code.asText().matches("\\d+")) {
        codes.add(code.asInt());
      }
    }
    List<String> descriptions = new ArrayList<>();
    for (JsonNode text : asList(errors.path("error_message_description"))) {
      descriptions.add(text.asText());
    }
    String summary = errors.path("error_message").asText("");
    if (codes.isEmpty() && descriptions.isEmpty() && summary.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Envelope(List.copyOf(codes), List.copyOf(descriptions), summary));
  }

  /** The exception for an error envelope received with the given HTTP status. */
  public static CouponToolsException toException(String operation, int httpStatus,
      Envelope envelope, String rawBody) {
    String message = describe(operation, httpStatus, envelope);
    int code = envelope.codes().isEmpty() ? -1 : envelope.codes().get(0);
    List<Integer> codes = envelope.codes();
    List<String> descriptions = envelope.descriptions();
    if (code == 1000 || (code >= 100 && code < 200)) {
      return new AuthenticationException(message, httpStatus, codes, descriptions, rawBody);
    } else if (code >= 200 && code < 300) {
      return new MissingParameterException(message, httpStatus, codes, descriptions, rawBody);
    } else if ((code >= 300 && code < 350) || code == 400) {
      return new InvalidParameterException(message, httpStatus, codes, descriptions, rawBody);
    } else if (code >= 350 && code < 400) {
      return new SessionStateException(message, httpStatus, codes, descriptions, rawBody);
    } else if (code >= 500 && code < 600) {
      return new NotFoundException(message, httpStatus, codes, descriptions, rawBody);
    } else if (code >= 600 && code < 700) {
      return new DeliveryException(message, httpStatus, codes, descriptions, rawBody);
    } else if (code == -1 && httpStatus == 401) {
      return new AuthenticationException(message, httpStatus, codes, descriptions, rawBody);
    }
    return new CouponToolsException(message, null, httpStatus, codes, descriptions, rawBody);
  }

  /**
   * The exception for an error of an operation whose error format is not documented (v4 REST):
   * a Coupontools error envelope, if the body is one, decides as for v3; otherwise the HTTP
   * status does: 401 and 403 {@link AuthenticationException}, 404 {@link NotFoundException},
   * 400 and 422 {@link InvalidParameterException}, anything else
   * {@link UnexpectedResponseException}. The body (redacted) is kept whatever its shape; a
   * {@code message} or {@code error} text in it goes into the exception's message.
   *
   * @param body the parsed body, or null when it is empty or not JSON
   */
  public static CouponToolsException byStatus(String operation, int httpStatus, JsonNode body,
      String rawBody, UnaryOperator<String> redact, Duration retryAfter) {
    Optional<Envelope> envelope = parse(body).map(found -> found.withTexts(redact));
    if (envelope.isPresent() && !envelope.get().codes().isEmpty()) {
      return toException(operation, httpStatus, envelope.get(), rawBody);
    }
    List<String> descriptions = new ArrayList<>();
    envelope.ifPresent(found -> descriptions.addAll(found.descriptions()));
    if (body != null && body.isObject()) {
      for (String key : List.of("message", "error", "error_message", "detail")) {
        if (body.path(key).isTextual() && !body.path(key).asText().isBlank()) {
          descriptions.add(redact.apply(body.path(key).asText()));
        }
      }
    }
    String message = operation + " failed (HTTP " + httpStatus + ")"
        + (descriptions.isEmpty() ? "" : ": " + String.join("; ", descriptions));
    List<Integer> codes = List.of();
    List<String> texts = List.copyOf(descriptions);
    if (httpStatus == 401 || httpStatus == 403) {
      return new AuthenticationException(message, httpStatus, codes, texts, rawBody);
    } else if (httpStatus == 404) {
      return new NotFoundException(message, httpStatus, codes, texts, rawBody);
    } else if (httpStatus == 400 || httpStatus == 422) {
      return new InvalidParameterException(message, httpStatus, codes, texts, rawBody);
    }
    return new UnexpectedResponseException(message + (rawBody.isBlank() ? "" : " - "
        + excerpt(rawBody)), httpStatus, rawBody, retryAfter);
  }

  private static String excerpt(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
  }

  private static String describe(String operation, int httpStatus, Envelope envelope) {
    StringBuilder text = new StringBuilder(operation).append(" failed (HTTP ").append(httpStatus)
        .append(')');
    int count = Math.max(envelope.codes().size(), envelope.descriptions().size());
    for (int i = 0; i < count; i++) {
      text.append(i == 0 ? ": " : "; ");
      if (i < envelope.codes().size()) {
        text.append(envelope.codes().get(i));
      }
      if (i < envelope.descriptions().size()) {
        text.append(i < envelope.codes().size() ? " " : "").append(envelope.descriptions().get(i));
      }
    }
    if (count == 0 || envelope.descriptions().isEmpty()) {
      text.append(count == 0 ? ": " : " - ").append(envelope.summary());
    }
    return text.toString();
  }

  private static List<JsonNode> asList(JsonNode node) {
    List<JsonNode> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(values::add);
    } else if (!node.isMissingNode() && !node.isNull()) {
      values.add(node);
    }
    return values;
  }
}
