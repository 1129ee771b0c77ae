package io.github.coupontools.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.coupontools.openapi.Spec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Calls of the simulator over plain HTTP (this module does not depend on the SDK). */
final class SimulatorFlow {

  /** The coupon of the contract's {@code listCoupons} example, the simulator's first coupon. */
  static final String COUPON = "cam_123456";

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  /** An answer: its status and JSON body. */
  record Answer(int status, JsonNode body) {
    String text(String field) {
      return body.path(field).asText();
    }
  }

  private final URI baseUrl;

  SimulatorFlow(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  Answer post(String path, String json) {
    HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("X-Client-Id", PrismMock.CLIENT_ID)
        .header("X-Client-Secret", PrismMock.CLIENT_SECRET)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), Spec.json(response.body()));
    } catch (IOException e) {
      throw new IllegalStateException("POST " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Answer ok(String path, String json) {
    Answer answer = post(path, json);
    assertThat(answer.status()).as("POST %s %s -> %s", path, json, answer.body()).isEqualTo(200);
    return answer;
  }

  /** A new single-use URL (session) of {@code cam_123456}; {@code fields} is more JSON, or "". */
  String newSession(String fields) {
    return ok("/v3/singleuse/create", "{\"campaign\":\"" + COUPON + "\""
        + (fields.isEmpty() ? "" : "," + fields) + "}").text("single_use_code");
  }

  String newSession() {
    return newSession("");
  }

  Answer update(String session, String operation) {
    return post("/v3/couponsession/update",
        "{\"couponsession\":\"" + session + "\",\"operation\":\"" + operation + "\"}");
  }

  Answer updated(String session, String operation) {
    Answer answer = update(session, operation);
    assertThat(answer.status()).as("%s of %s -> %s", operation, session, answer.body()).isEqualTo(200);
    return answer;
  }

  void remove(String session) {
    ok("/v3/singleuse/remove", "{\"campaign\":\"" + COUPON + "\",\"couponsession\":\"" + session + "\"}");
  }

  /** Creates {@code amount} sessions at once and returns their sequence IDs, from the list. */
  List<Long> newSessions(String campaign, int amount, String fields) {
    List<Long> before = sequences(campaign);
    ok("/v3/multiplesingleuse/create", "{\"campaign\":\"" + campaign + "\",\"amount\":" + amount
        + (fields.isEmpty() ? "" : "," + fields) + "}");
    List<Long> after = sequences(campaign);
    after.removeAll(before);
    assertThat(after).hasSize(amount);
    return after;
  }

  /** Sequence IDs of a coupon's sessions, as {@code campaign/data} lists them (first page). */
  List<Long> sequences(String campaign) {
    List<Long> sequences = new ArrayList<>();
    ok("/v3/campaign/data", "{\"campaign\":\"" + campaign + "\"}").body().path("data")
        .forEach(session -> sequences.add(session.path("sequenceid").asLong()));
    return sequences;
  }

  Answer batch(String campaign, Long start, Long end, String operation) {
    ObjectNode body = Spec.JSON.createObjectNode().put("campaign", campaign).put("operation", operation);
    if (start != null) {
      body.put("startsequence", String.valueOf(start));
    }
    if (end != null) {
      body.put("endsequence", end);
    }
    return post("/v3/batch/update", body.toString());
  }

  Answer batched(List<Long> range, String operation) {
    Answer answer = batch(COUPON, range.get(0), range.get(range.size() - 1), operation);
    assertThat(answer.status()).as("batch %s -> %s", operation, answer.body()).isEqualTo(200);
    return answer;
  }

  /** A coupon made from {@code cam_123456} with {@code coupon/create}; its ID. */
  String newCoupon(String fields) {
    return ok("/v3/coupon/create", "{\"template\":\"" + COUPON + "\""
        + (fields.isEmpty() ? "" : "," + fields) + "}").body().path("coupon_info").path("ID").asText();
  }
}
