package io.github.coupontools.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coupontools.sdk.exception.CouponToolsException;
import io.github.coupontools.sdk.exception.NotFoundException;
import io.github.coupontools.sdk.internal.RawJsonHolder;
import io.github.coupontools.sdk.service.WebhooksService;
import io.github.coupontools.sdk.model.CouponEditWebhookEvent;
import io.github.coupontools.sdk.model.CouponWebhookEvent;
import io.github.coupontools.sdk.model.DirectoryPageWebhookEvent;
import io.github.coupontools.sdk.model.LandingPageWebhookEvent;
import io.github.coupontools.sdk.model.SubaccountWebhookEvent;
import io.github.coupontools.sdk.model.VerifyWebhookRequest;
import io.github.coupontools.sdk.model.VerifyWebhookResponse;
import io.github.coupontools.sdk.model.WalletLoyaltyWebhookEvent;
import io.github.coupontools.sdk.model.WebLoyaltyWebhookEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses the webhook payloads Coupontools posts to your endpoint and verifies them with the API.
 *
 * <p>Coupontools signs nothing: a payload is trusted only after {@link #verify(WebhookEvent)}
 * asked {@code /v4/webhook/verification} about its id and the answer matched the payload.
 *
 * <pre>{@code
 * WebhookEvent event = client.webhooks().parse(requestBody);
 * if (client.webhooks().verify(event).verified()) {
 *   event.as(CouponWebhookEvent.class).ifPresent(coupon -> ...);
 * }
 * }</pre>
 */
public final class Webhooks {

  private final ObjectMapper mapper;
  private final WebhooksService api;

  Webhooks(ObjectMapper mapper, WebhooksService api) {
    this.mapper = mapper;
    this.api = api;
  }

  /** The webhook operations of the API, such as {@code verifyWebhook}, as generated from the contract. */
  public WebhooksService service() {
    return api;
  }

  /** The documented kinds of webhook, and {@link #UNKNOWN} for any other. */
  public enum Kind {
    COUPON(CouponWebhookEvent.class),
    COUPON_EDIT(CouponEditWebhookEvent.class),
    SUBACCOUNT(SubaccountWebhookEvent.class),
    WEB_LOYALTY(WebLoyaltyWebhookEvent.class),
    WALLET_LOYALTY(WalletLoyaltyWebhookEvent.class),
    LANDING_PAGE(LandingPageWebhookEvent.class),
    DIRECTORY_PAGE(DirectoryPageWebhookEvent.class),
    UNKNOWN(JsonNode.class);

    private final Class<?> payloadType;

    Kind(Class<?> payloadType) {
      this.payloadType = payloadType;
    }

    /** The generated model class of this kind's payload ({@link JsonNode} for unknown kinds). */
    public Class<?> payloadType() {
      return payloadType;
    }

    static Kind of(String type, JsonNode payload) {
      // The contract's discriminator first; the prefixes for types it does not document yet.
      Optional<Class<?>> documented =
          io.github.coupontools.sdk.model.WebhookEvent.modelFor(type);
      if (documented.isPresent()) {
        for (Kind kind : values()) {
          if (kind.payloadType == documented.get()) {
            return kind;
          }
        }
      }
      if (type.startsWith("coupon_")) {
        // Session events carry the coupon as an object; coupon edits only its id.
        return payload.path("coupon").isObject() || payload.has("session") ? COUPON : COUPON_EDIT;
      } else if (type.startsWith("subaccount_")) {
        return SUBACCOUNT;
      } else if (type.startsWith("loyalty_v3_")) {
        return WALLET_LOYALTY;
      } else if (type.startsWith("loyalty_")) {
        return WEB_LOYALTY;
      } else if (type.startsWith("lp_")) {
        return LANDING_PAGE;
      } else if (type.startsWith("directory_")) {
        return DIRECTORY_PAGE;
      }
      return UNKNOWN;
    }
  }

  /**
   * Parses a webhook body. Unknown kinds, and documented kinds whose fields do not fit the
   * contract, come back as {@link Kind#UNKNOWN} events that keep the raw JSON.
   *
   * @throws IllegalArgumentException if the body is not a JSON object
   */
  public WebhookEvent parse(String body) {
    Objects.requireNonNull(body, "body");
    return parse(body.getBytes(StandardCharsets.UTF_8));
  }

  /** As {@link #parse(String)}, for the raw bytes of the request body. */
  public WebhookEvent parse(byte[] body) {
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("The webhook body is not JSON: " + e.getMessage(), e);
    }
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("The webhook body is not a JSON object");
    }
    String type = json.path("type").asText("");
    Kind kind = Kind.of(type, json);
    Object payload = json;
    if (kind != Kind.UNKNOWN) {
      try {
        payload = mapper.treeToValue(json, kind.payloadType());
        if (payload instanceof RawJsonHolder) {
          JsonNode received = json;
          ((RawJsonHolder) payload).rawJsonSource(received::deepCopy);
        }
      } catch (IOException doesNotFit) {
        kind = Kind.UNKNOWN;
      }
    }
    return new WebhookEvent(kind, json.path("id").asText(""), type,
        json.path("datetime").asText(""), json, payload);
  }

  /**
   * Asks the API about the event's id and compares the answer with the event: id, type and, for
   * coupon events, coupon and session. Fails closed: verified only when the answer carries each
   * of these (that the event has) and they match. A forged id (the API answers 509 "Webhook not found")
   * gives an unverified result; other failures are thrown as {@link CouponToolsException}.
   */
  public Verification verify(WebhookEvent event) {
    Objects.requireNonNull(event, "event");
    if (event.id().isEmpty()) {
      return new Verification(null, List.of("the payload carries no id, nothing to ask the API"));
    }
    VerifyWebhookResponse answer;
    try {
      answer = api.verifyWebhook(new VerifyWebhookRequest().webhook(event.id()));
    } catch (NotFoundException notFound) {
      return new Verification(null, List.of("the API does not know webhook " + event.id() + ": "
          + String.join(", ", notFound.errorDescriptions())));
    }
    // Fails closed: every fact the event carries must be confirmed by the answer, so an answer
    // that leaves one out (a bare {"status":{"status":"OK"}}) verifies nothing.
    List<String> mismatches = new ArrayList<>();
    confirm("id", event.id(), answer.getWebhook(), mismatches);
    confirm("type", event.type(), answer.getType(), mismatches);
    Optional<CouponWebhookEvent> coupon = event.as(CouponWebhookEvent.class);
    if (coupon.isPresent()) {
      confirm("coupon", coupon.get().getCampaign(), answer.getCoupon(), mismatches);
      confirm("session", coupon.get().getSession(), answer.getStatcode(), mismatches);
    }
    return new Verification(answer, mismatches);
  }

  private static void confirm(String field, String received, String verified,
      List<String> mismatches) {
    if (received == null || received.isEmpty()) {
      if (field.equals("id") || field.equals("type")) {
        mismatches.add("the payload carries no " + field);
      }
    } else if (verified == null || verified.isEmpty()) {
      mismatches.add("the API's answer does not confirm the " + field + " (" + received + ")");
    } else if (!received.equals(verified)) {
      mismatches.add(field + " is " + received + " in the payload but " + verified
          + " according to the API");
    }
  }

  /** Outcome of {@link #verify(WebhookEvent)}. */
  public static final class Verification {
    private final VerifyWebhookResponse answer;
    private final List<String> problems;

    Verification(VerifyWebhookResponse answer, List<String> problems) {
      this.answer = answer;
      this.problems = List.copyOf(problems);
    }

    /** True when the API knows the event and its answer matches the payload. */
    public boolean verified() {
      return answer != null && problems.isEmpty();
    }

    /** Why the event is not verified; empty when it is. */
    public List<String> problems() {
      return problems;
    }

    /** What the API said about the event, when it knew it. */
    public Optional<VerifyWebhookResponse> answer() {
      return Optional.ofNullable(answer);
    }

    @Override
    public String toString() {
      return verified() ? "Verification[verified]" : "Verification[not verified: " + problems + "]";
    }
  }
}
