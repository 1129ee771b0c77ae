package io.github.coupontools.mock;

import static io.github.coupontools.mock.SimulatorFlow.COUPON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.coupontools.mock.SimulatorFlow.Answer;
import io.github.coupontools.openapi.Spec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The simulator keeps what calls create and change, starting from the contract's examples:
 * sessions, lists and pages, search, groups and contacts, the outbox, webhooks and their
 * verification, the seed and the reset.
 */
@ExtendWith(CouponToolsMockExtension.class)
@StatefulMock
class SimulatorStateTest {

  private static final Spec SPEC = Spec.load();

  @Test
  void aCreatedSingleUseUrlIsKnownToTheSessionCallsAndFollowsItsUpdates(CouponToolsSimulator simulator) {
    SimulatorFlow flow = new SimulatorFlow(simulator.baseUrl());
    simulator.setClock(Instant.parse("2030-05-01T10:00:00Z"));
    Answer single = flow.ok("/v3/singleuse/create", "{\"campaign\":\"" + COUPON + "\","
        + "\"email\":\"jane@example.com\",\"customvalcode\":\"SPRING2030\"}");
    String session = single.text("single_use_code");
    assertThat(single.text("custom_validation_code")).isEqualTo("SPRING2030");

    JsonNode created = flow.ok("/v3/couponsession/data", "{\"couponsession\":\"" + session + "\"}").body();
    assertThat(created.path("campaign").asText()).isEqualTo(COUPON);
    assertThat(created.path("action").asText()).isEqualTo(
        SPEC.operation("getCouponSession").responseExample(200, "success").path("action").asText());
    assertThat(created.at("/data/status/created_date_utc").asText()).isEqualTo("2030-05-01 10:00:00");
    assertThat(created.at("/data/status/claimed").asText()).isEqualTo("0");

    simulator.setClock(Instant.parse("2030-05-02T09:30:00Z"));
    assertThat(flow.updated(session, "claim").text("operation")).isEqualTo("claim_successful");
    assertThat(flow.updated(session, "validate").body()).isEqualTo(
        SPEC.operation("updateCouponSession").responseExample(200, "success"));

    JsonNode validated = flow.ok("/v3/couponsession/data", "{\"couponsession\":\"" + session + "\"}").body();
    assertThat(validated.at("/data/status/claimed").asText()).isEqualTo("1");
    assertThat(validated.at("/data/status/claim_date_utc").asText()).isEqualTo("2030-05-02 09:30:00");
    assertThat(validated.at("/data/status/validated").asText()).isEqualTo("1");
    assertThat(sessionsIn(flow, "/v3/campaign/claims")).contains(session);
    assertThat(sessionsIn(flow, "/v3/campaign/validations")).contains(session);
    assertThat(sessionsIn(flow, "/v3/campaign/opens")).contains(session);

    JsonNode found = flow.ok("/v3/couponsession/search", "{\"code\":\"SPRING2030\"}").body();
    assertThat(found.path("results_found").asText()).isEqualTo("1");
    assertThat(found.at("/searchresults/0/session").asText()).isEqualTo(session);
    assertThat(flow.ok("/v3/couponsession/search", "{\"email\":\"jane@example.com\"}")
        .body().at("/searchresults/0/session").asText()).isEqualTo(session);

    flow.remove(session);
    assertThat(sessionsIn(flow, "/v3/campaign/data")).doesNotContain(session);
  }

  @Test
  void theContractsExampleSessionIsThereAndASecondValidationIsRefused(CouponToolsSimulator simulator) {
    SimulatorFlow flow = new SimulatorFlow(simulator.baseUrl());
    String session = SPEC.operation("updateCouponSession").requestExample("validate")
        .path("couponsession").asText();

    flow.updated(session, "validate");
    Answer again = flow.update(session, "validate");

    assertThat(again.status()).isEqualTo(422);
    assertThat(again.body()).isEqualTo(
        SPEC.operation("updateCouponSession").responseExample(422, "sessionAlreadyValidated"));
  }

  @Test
  void sessionListsArePagedByOneHundred(CouponToolsSimulator simulator) {
    SimulatorFlow flow = new SimulatorFlow(simulator.baseUrl());
    flow.ok("/v3/multiplesingleuse/create", "{\"campaign\":\"" + COUPON + "\",\"amount\":\"249\"}");

    assertThat(pageSize(flow, 1)).isEqualTo(100);
    assertThat(pageSize(flow, 2)).isEqualTo(100);
    assertThat(pageSize(flow, 3)).isEqualTo(50); // 249 created and the contract's example session
    assertThat(pageSize(flow, 4)).isZero();
  }

  @Test
  void theSeedFixesGeneratedCodesAndTheResetForgetsEverything(CouponToolsSimulator simulator) {
    SimulatorFlow flow = new SimulatorFlow(simulator.baseUrl());
    String first = flow.newSession();
    flow.newSession();
    assertThat(simulator.state().get("sessions")).isEqualTo(3L);

    simulator.reset(1);

    assertThat(simulator.state().get("sessions")).isEqualTo(1L);
    assertThat(flow.newSession()).isEqualTo(first);
    simulator.reset(2);
    assertThat(flow.newSession()).isNotEqualTo(first).matches("[a-z0-9]{21}");
  }

  @Test
  void sendsAreRecordedInTheOutboxNotDelivered(CouponToolsSimulator simulator) {
    SimulatorFlow flow = new SimulatorFlow(simulator.baseUrl());
    Answer email = flow.ok("/v3/send/email",
        "{\"campaign\":\"" + COUPON + "\",\"email\":\"john@doe.com\",\"subject\":\"Your coupon\"}");
    Answer sms = flow.ok("/v3/send/sms",
        "{\"campaign\":\"" + COUPON + "\",\"phone\":\"+441234567890\",\"body\":\"Here it is\"}");
    flow.ok("/v3/coupon/pushnotification/single",
        "{\"campaign\":\"" + COUPON + "\",\"couponsession\":\"" + email.text("single_use_code")
            + "\",\"message\":\"Last day!\"}");

    List<Map<String, Object>> outbox = simulator.outbox();

    assertThat(outbox).extracting(m -> m.get("channel")).containsExactly("email", "sms", "push");
    assertThat(outbox.get(0)).containsEntry("to", "john@doe.com").containsEntry("subject", "Your coupon")
        .containsEntry("session", email.text("single_use_code"));
    assertThat(outbox.get(1)).containsEntry("to", "441234567890")
        .containsEntry("message", "Here it is " + sms.text("single_use_url"));
    assertThat(outbox.get(2)).containsEntry("message", "Last day!");
    assertThat(flow.ok("/v3/couponsession/data", "{\"couponsession\":\"" + sms.text("single_use_code")
        + "\"}").text("campaign")).isEqualTo(COUPON);
  }

  @Test
  void aContactAddedToANewGroupIsListed(CouponToolsSimulator simulator) {
    SimulatorFlow flow = new SimulatorFlow(simulator.baseUrl());
    long number = flow.ok("/v3/smstool/addgroup", "{\"group_name\":\"Pizza fans\"}").body()
        .path("groupid").asLong();
    String group = "gro_" + number;
    Answer added = flow.ok("/v3/smstool/addcontact",
        "{\"smsgroup\":\"" + group + "\",\"phone\":\"+32470123456\",\"first_name\":\"Ann\"}");

    JsonNode contacts = flow.ok("/v3/smstool/userlist", "{\"smsgroup\":\"" + group + "\"}").body();

    assertThat(contacts.path("group_name").asText()).isEqualTo("Pizza fans");
    assertThat(contacts.path("amount_of_contacts").asText()).isEqualTo("1");
    assertThat(contacts.at("/contact/0/ID").asText()).isEqualTo(added.text("contact_id"));
    assertThat(contacts.at("/contact/0/phone").asText()).isEqualTo("32470123456");
    JsonNode groups = flow.ok("/v3/smstool/grouplist", "{}").body();
    assertThat(groups.path("group").findValuesAsText("ID")).contains("gro_123456", group);
  }

  @Test
  void aClaimEmitsTheDocumentedPayloadAndOnlyEmittedIdsVerify(CouponToolsSimulator simulator)
      throws Exception {
    SimulatorFlow flow = new SimulatorFlow(simulator.baseUrl());
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", exchange -> {
      received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    try {
      simulator.deliverWebhooksTo(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
      String session = flow.newSession("\"firstname\":\"Jane\"");
      flow.updated(session, "claim");

      String body = received.poll(20, TimeUnit.SECONDS);
      assertThat(body).as("webhook delivered").isNotNull();
      JsonNode event = Spec.json(body);
      JsonNode documented = SPEC.webhookExamples().stream()
          .filter(e -> e.getValue().path("type").asText().equals("coupon_claimed"))
          .findFirst().orElseThrow().getValue();
      assertThat(fieldNames(event)).isEqualTo(fieldNames(documented));
      assertThat(event.path("type").asText()).isEqualTo("coupon_claimed");
      assertThat(event.path("session").asText()).isEqualTo(session);
      assertThat(event.path("campaign").asText()).isEqualTo(COUPON);
      assertThat(event.at("/customer/first_name").asText()).isEqualTo("Jane");

      JsonNode verified = flow.ok("/v4/webhook/verification",
          "{\"webhook\":\"" + event.path("id").asText() + "\"}").body();
      assertThat(verified.path("webhook").asText()).isEqualTo(event.path("id").asText());
      assertThat(verified.path("type").asText()).isEqualTo("coupon_claimed");
      assertThat(verified.path("coupon").asText()).isEqualTo(COUPON);
      assertThat(verified.path("statcode").asText()).isEqualTo(session);
      assertThat(simulator.emittedWebhooks()).hasSize(1);

      Answer forged = flow.post("/v4/webhook/verification", "{\"webhook\":\"evt_forged0000000000000\"}");
      assertThat(forged.body()).isEqualTo(SPEC.operation("verifyWebhook").responseExample(422, "webhookNotFound"));
    } finally {
      receiver.stop(0);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static int pageSize(SimulatorFlow flow, int page) {
    return flow.ok("/v3/campaign/data", "{\"campaign\":\"" + COUPON + "\",\"page\":" + page + "}")
        .body().path("data").size();
  }

  private static List<String> sessionsIn(SimulatorFlow flow, String path) {
    return flow.ok(path, "{\"campaign\":\"" + COUPON + "\"}").body().path("data").findValuesAsText("session");
  }
}
