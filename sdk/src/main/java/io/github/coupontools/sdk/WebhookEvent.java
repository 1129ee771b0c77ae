package io.github.coupontools.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A parsed webhook payload: its kind, the common fields, the typed payload (a generated model
 * such as {@code CouponWebhookEvent}) and the raw JSON, which keeps fields the contract does not
 * know.
 */
public final class WebhookEvent {
  private final Webhooks.Kind kind;
  private final String id;
  private final String type;
  private final String datetime;
  private final JsonNode raw;
  private final Object payload;

  WebhookEvent(Webhooks.Kind kind, String id, String type, String datetime, JsonNode raw,
      Object payload) {
    this.kind = kind;
    this.id = id;
    this.type = type;
    this.datetime = datetime;
    this.raw = raw;
    this.payload = payload;
  }

  public Webhooks.Kind kind() {
    return kind;
  }

  /** Event id ({@code evt_...}; a plain number for directory registrations). */
  public String id() {
    return id;
  }

  /** Event type as sent, for example {@code coupon_claimed}. */
  public String type() {
    return type;
  }

  /** When the event happened, {@code yyyy-MM-dd HH:mm:ss}. */
  public String datetime() {
    return datetime;
  }

  /** The payload exactly as received. */
  public JsonNode raw() {
    return raw.deepCopy();
  }

  /** The typed payload: an instance of {@link Webhooks.Kind#payloadType()}. */
  public Object payload() {
    return payload;
  }

  /** The typed payload if it is of the given class. */
  public <T> Optional<T> as(Class<T> type) {
    return type.isInstance(payload) ? Optional.of(type.cast(payload)) : Optional.empty();
  }

  @Override
  public String toString() {
    return "WebhookEvent[" + kind + ", id=" + id + ", type=" + type + ", datetime=" + datetime + "]";
  }
}
