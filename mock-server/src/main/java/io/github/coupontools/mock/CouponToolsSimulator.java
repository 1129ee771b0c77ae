package io.github.coupontools.mock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A running stateful simulator of the Coupontools API on 127.0.0.1 and a free port: the mock's
 * Prism engine and request validation, with an in-memory account behind it.
 *
 * <p>Single-use URLs created are known to {@code couponsession/data}, the session lists and
 * search; {@code couponsession/update} and {@code batch/update} follow the documented state
 * machine and refuse a transition with its documented error (a second {@code validate} gets 358);
 * groups and contacts are kept; email, SMS and push are recorded in an {@linkplain #outbox()
 * outbox} instead of being delivered; claims and validations emit the documented webhook payload to
 * the URL given to {@link #deliverWebhooksTo(URI)}, and {@code webhook/verification} confirms
 * exactly the events emitted. The account starts from the contract's examples (the coupon
 * {@code cam_123456}, the session {@code ac6s7u3g8a25ja7x9qg87}, two SMS groups), generated IDs
 * and codes follow the seed, and expiry follows a clock the test sets. Every response is validated
 * against the contract; one that does not validate is answered with HTTP 500 and counted by
 * {@link #invalidResponses()}.
 *
 * <p>Start one with {@link #start()}, or let {@link CouponToolsMockExtension} do it for a class
 * annotated {@link StatefulMock} (it resets the state before each test). The credentials of
 * {@link PrismMock#CLIENT_ID} and {@link PrismMock#CLIENT_SECRET} are accepted, as by the mock.
 */
public final class CouponToolsSimulator implements AutoCloseable {

  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 1;

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final PrismMock process;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private CouponToolsSimulator(PrismMock process) {
    this.process = process;
  }

  /** Starts a simulator with the {@linkplain #DEFAULT_SEED default seed}. */
  public static CouponToolsSimulator start() {
    return start(DEFAULT_SEED);
  }

  /** Starts a simulator whose generated IDs and codes follow {@code seed}. */
  public static CouponToolsSimulator start(long seed) {
    return new CouponToolsSimulator(PrismMock.start(PrismInstallation.simulatorScript(),
        List.of("--seed", Long.toString(seed))));
  }

  /** Base URL of the simulator, for example {@code http://127.0.0.1:41234}. */
  public URI baseUrl() {
    return process.baseUrl();
  }

  /** Port the simulator listens on. */
  public int port() {
    return process.port();
  }

  /** Process id of the simulator (node) process. */
  public long pid() {
    return process.pid();
  }

  /** Whether the simulator process is still running. */
  public boolean isRunning() {
    return process.isRunning();
  }

  /** The last lines the simulator printed, for diagnosing a failing test. */
  public String recentLog() {
    return process.recentLog();
  }

  /**
   * Forgets everything since the start: back to the contract's example account, the current seed,
   * the system clock, no outbox, no webhook URL and no emitted events.
   */
  public void reset() {
    control("POST", "reset", "{}");
  }

  /** As {@link #reset()}, with IDs and codes from now on following {@code seed}. */
  public void reset(long seed) {
    control("POST", "reset", "{\"seed\":" + seed + "}");
  }

  /** Fixes the simulator's clock (UTC, whole seconds): dates written and expiry (351) follow it. */
  public void setClock(Instant now) {
    control("POST", "clock", "{\"now\":\"" + UTC.format(now) + "\"}");
  }

  /** Moves the clock forward by {@code amount} (fixing it first if it followed the system clock). */
  public void advanceClock(Duration amount) {
    control("POST", "clock", "{\"advance_seconds\":" + amount.getSeconds() + "}");
  }

  /** Lets the clock follow the system clock again. */
  public void useSystemClock() {
    control("POST", "clock", "{\"now\":null}");
  }

  /**
   * Sends the webhook payload of every claim and validation from now on, as a JSON POST, to
   * {@code url} (on 127.0.0.1 or localhost); {@code null} stops sending.
   */
  public void deliverWebhooksTo(URI url) {
    control("POST", "webhooks", "{\"url\":" + (url == null ? "null" : Json.quote(url.toString())) + "}");
  }

  /**
   * Whether the account has an email integration: without one, {@code send/email} gets the
   * documented error 104 ({@code emailIntegrationMissing}). Set up by default and after a reset.
   */
  public void setEmailIntegration(boolean setUp) {
    control("POST", "delivery", "{\"email\":" + setUp + "}");
  }

  /**
   * Whether the account has an SMS integration: without one, {@code send/sms} gets the documented
   * error 103 ({@code smsIntegrationMissing}). Set up by default and after a reset.
   */
  public void setSmsIntegration(boolean setUp) {
    control("POST", "delivery", "{\"sms\":" + setUp + "}");
  }

  /**
   * Sends to these email addresses or phone numbers fail until the next reset: 604
   * ({@code emailNotSent}) by email, 602 ({@code smsNotSent}) by SMS. Nothing reaches the outbox.
   */
  public void failDeliveriesTo(String... recipients) {
    control("POST", "delivery", "{\"failing\":" + jsonList(recipients) + "}");
  }

  /**
   * These phone numbers opted out (or are blacklisted) until the next reset: {@code send/sms} to
   * them gets 605 ({@code numberBlacklisted}). A leading {@code +} does not matter.
   */
  public void optOut(String... phoneNumbers) {
    control("POST", "delivery", "{\"opted_out\":" + jsonList(phoneNumbers) + "}");
  }

  private static String jsonList(String... values) {
    return Arrays.stream(values).map(Json::quote)
        .collect(Collectors.joining(",", "[", "]"));
  }

  /** The webhook payloads emitted since the last reset (up to the last 1000), oldest first. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> emittedWebhooks() {
    Map<String, Object> answer = (Map<String, Object>) Json.parse(control("POST", "webhooks", "{}"));
    return (List<Map<String, Object>>) answer.get("emitted");
  }

  /**
   * What was sent by email, SMS and push since the last reset, oldest first: each entry has
   * {@code channel} ({@code email}, {@code sms}, {@code push}), {@code operation}, {@code to},
   * {@code campaign}, {@code at} (UTC) and, where there is one, {@code session}, {@code subject}
   * or {@code message}.
   */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> outbox() {
    Map<String, Object> answer = (Map<String, Object>) Json.parse(control("GET", "outbox", null));
    return new ArrayList<>((List<Map<String, Object>>) answer.get("outbox"));
  }

  /** Counters of the state: {@code sessions}, {@code coupons}, {@code invalid_responses}, ... */
  @SuppressWarnings("unchecked")
  public Map<String, Object> state() {
    return (Map<String, Object>) Json.parse(control("GET", "state", null));
  }

  /**
   * How many responses since the start failed Prism's validation against the contract (answered
   * with HTTP 500 instead); the extension fails a test after which it grew.
   */
  public long invalidResponses() {
    return ((Number) state().get("invalid_responses")).longValue();
  }

  /** Stops the simulator process. */
  @Override
  public void close() {
    process.close();
  }

  private String control(String method, String name, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl().resolve("/__simulator/" + name))
        .timeout(Duration.ofSeconds(30));
    if (json == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("The simulator refused /__simulator/" + name + " (HTTP "
            + response.statusCode() + "): " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("The simulator at " + baseUrl() + " did not answer /__simulator/"
          + name + ":" + System.lineSeparator() + recentLog(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling the simulator", e);
    }
  }

  @Override
  public String toString() {
    return "CouponToolsSimulator[" + baseUrl() + "]";
  }
}
