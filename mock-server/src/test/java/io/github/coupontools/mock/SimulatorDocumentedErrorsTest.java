package io.github.coupontools.mock;

import static io.github.coupontools.mock.SimulatorFlow.COUPON;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.coupontools.mock.SimulatorFlow.Answer;
import io.github.coupontools.openapi.Spec;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each documented session-state error (351-360) and not-found error is reached through a real
 * sequence of calls, without a {@code Prefer} header, and the simulator answers with the
 * contract's named example, body for body.
 */
@ExtendWith(CouponToolsMockExtension.class)
@StatefulMock
class SimulatorDocumentedErrorsTest {

  private static final Instant PAST_EXPIRY = Instant.parse("2031-01-01T00:00:00Z");

  /** A sequence of calls and the named error example its last call must get. */
  record Case(String operationId, String example, String sequence,
      BiFunction<SimulatorFlow, CouponToolsSimulator, Answer> calls) {
    @Override
    public String toString() {
      return operationId + " " + example + " after " + sequence;
    }
  }

  static Stream<Arguments> sessionStateErrors() {
    return Stream.of(
        update("sessionExpired", "create with expiry_date, clock past it, validate", (f, sim) -> {
          String session = f.newSession("\"expiry_date\":\"2030-12-31 23:59:59\"");
          sim.setClock(PAST_EXPIRY);
          return f.update(session, "validate");
        }),
        update("sessionAlreadyClaimed", "create, claim, claim", (f, sim) -> {
          String session = f.newSession();
          f.updated(session, "claim");
          return f.update(session, "claim");
        }),
        update("lockFailedNotClaimed", "create, lock", (f, sim) -> f.update(f.newSession(), "lock")),
        update("sessionAlreadyUnvalidated", "create, validate, unvalidate, unvalidate", (f, sim) -> {
          String session = f.newSession();
          f.updated(session, "validate");
          f.updated(session, "unvalidate");
          return f.update(session, "unvalidate");
        }),
        update("couponLocked", "create, claim, lock, validate", (f, sim) -> {
          String session = f.newSession();
          f.updated(session, "claim");
          f.updated(session, "lock");
          return f.update(session, "validate");
        }),
        update("sessionAlreadyLockedBefore", "create, claim, lock, lock", (f, sim) -> {
          String session = f.newSession();
          f.updated(session, "claim");
          f.updated(session, "lock");
          return f.update(session, "lock");
        }),
        update("lockFailedVoided", "create, void, lock", (f, sim) -> {
          String session = f.newSession();
          f.updated(session, "void");
          return f.update(session, "lock");
        }),
        update("unlockFailedVoided", "create, claim, lock, void, unlock", (f, sim) -> {
          String session = f.newSession();
          f.updated(session, "claim");
          f.updated(session, "lock");
          f.updated(session, "void");
          return f.update(session, "unlock");
        }),
        update("sessionAlreadyVoided", "create, void, void", (f, sim) -> {
          String session = f.newSession();
          f.updated(session, "void");
          return f.update(session, "void");
        }),
        update("couponVoided", "create, void, validate", (f, sim) -> {
          String session = f.newSession();
          f.updated(session, "void");
          return f.update(session, "validate");
        }),
        update("sessionAlreadyUnlocked", "create, claim, lock, unlock, unlock", (f, sim) -> {
          String session = f.newSession();
          f.updated(session, "claim");
          f.updated(session, "lock");
          f.updated(session, "unlock");
          return f.update(session, "unlock");
        }),
        update("sessionNotVoided", "create, void, unvoid, unvoid", (f, sim) -> {
          String session = f.newSession();
          f.updated(session, "void");
          f.updated(session, "unvoid");
          return f.update(session, "unvoid");
        }),
        update("sessionAlreadyValidated", "create, claim, validate, validate", (f, sim) -> {
          String session = f.newSession();
          f.updated(session, "claim");
          f.updated(session, "validate");
          return f.update(session, "validate");
        }),
        update("lockFailedValidated", "create, claim, validate, lock", (f, sim) -> {
          String session = f.newSession();
          f.updated(session, "claim");
          f.updated(session, "validate");
          return f.update(session, "lock");
        }),
        batch("sessionsExpired", "two sessions with expiry_date, clock past it, batch claim", (f, sim) -> {
          f.newSession("\"expiry_date\":\"2030-12-31 23:59:59\"");
          f.newSession("\"expiry_date\":\"2030-12-31 23:59:59\"");
          List<Long> all = f.sequences(COUPON);
          sim.setClock(PAST_EXPIRY);
          return f.batch(COUPON, all.get(all.size() - 2), all.get(all.size() - 1), "claim");
        }),
        batch("sessionsAlreadyClaimed", "3 sessions, batch claim, batch claim", (f, sim) -> {
          List<Long> range = f.newSessions(COUPON, 3, "");
          f.batched(range, "claim");
          return f.batch(COUPON, range.get(0), range.get(2), "claim");
        }),
        batch("sessionsAlreadyLocked", "3 sessions, batch claim, lock, lock", (f, sim) -> {
          List<Long> range = f.newSessions(COUPON, 3, "");
          f.batched(range, "claim");
          f.batched(range, "lock");
          return f.batch(COUPON, range.get(0), range.get(2), "lock");
        }),
        batch("claimFailedVoided", "3 voided sessions, batch claim", (f, sim) -> {
          List<Long> range = f.newSessions(COUPON, 3, "\"status\":\"voided\"");
          return f.batch(COUPON, range.get(0), range.get(2), "claim");
        }),
        batch("sessionsAlreadyVoided", "3 sessions, batch void, void", (f, sim) -> {
          List<Long> range = f.newSessions(COUPON, 3, "");
          f.batched(range, "void");
          return f.batch(COUPON, range.get(0), range.get(2), "void");
        }),
        batch("sessionsNotLocked", "3 sessions, batch unlock", (f, sim) -> {
          List<Long> range = f.newSessions(COUPON, 3, "");
          return f.batch(COUPON, range.get(0), range.get(2), "unlock");
        }),
        batch("sessionsNotVoided", "3 sessions, batch unvoid", (f, sim) -> {
          List<Long> range = f.newSessions(COUPON, 3, "");
          return f.batch(COUPON, range.get(0), range.get(2), "unvoid");
        }),
        batch("sessionsAlreadyValidated", "3 sessions, batch claim, validate, validate", (f, sim) -> {
          List<Long> range = f.newSessions(COUPON, 3, "");
          f.batched(range, "claim");
          f.batched(range, "validate");
          return f.batch(COUPON, range.get(0), range.get(2), "validate");
        }),
        batch("sessionsNotClaimed", "3 sessions, batch validate", (f, sim) -> {
          List<Long> range = f.newSessions(COUPON, 3, "");
          return f.batch(COUPON, range.get(0), range.get(2), "validate");
        }),
        batch("startDateNotReached", "coupon starting 2030, its sessions, batch claim", (f, sim) -> {
          String coupon = f.newCoupon("\"start_date\":\"2030-01-01 00:00\"");
          List<Long> range = f.newSessions(coupon, 2, "");
          sim.setClock(Instant.parse("2029-06-01T00:00:00Z"));
          return f.batch(coupon, range.get(0), range.get(1), "claim");
        }));
  }

  static Stream<Arguments> notFoundErrors() {
    return Stream.of(
        of("getCouponSession", "couponSessionNotFound", "create, remove, get", (f, sim) -> {
          String session = f.newSession();
          f.remove(session);
          return f.post("/v3/couponsession/data", "{\"couponsession\":\"" + session + "\"}");
        }),
        of("updateCouponSession", "couponSessionNotFound", "create, remove, validate", (f, sim) -> {
          String session = f.newSession();
          f.remove(session);
          return f.update(session, "validate");
        }),
        of("deleteCouponSession", "couponSessionNotFound", "create, remove, remove", (f, sim) -> {
          String session = f.newSession();
          f.remove(session);
          return f.post("/v3/singleuse/remove",
              "{\"campaign\":\"" + COUPON + "\",\"couponsession\":\"" + session + "\"}");
        }),
        of("deleteCouponSession", "campaignNotFound", "create, remove from a coupon never created",
            (f, sim) -> f.post("/v3/singleuse/remove",
                "{\"campaign\":\"cam_999\",\"couponsession\":\"" + f.newSession() + "\"}")),
        of("searchCouponSessions", "noResults", "create with email, remove, search it", (f, sim) -> {
          String session = f.newSession("\"email\":\"gone@example.com\"");
          f.ok("/v3/couponsession/search", "{\"email\":\"gone@example.com\"}");
          f.remove(session);
          return f.post("/v3/couponsession/search", "{\"email\":\"gone@example.com\"}");
        }),
        of("searchCouponSessions", "campaignNotFound", "search in a coupon never created",
            (f, sim) -> f.post("/v3/couponsession/search", "{\"campaign\":\"cam_999\",\"code\":\"12345\"}")),
        of("generateCouponSessionBarcode", "couponSessionDoesNotExist", "create, remove, barcode",
            (f, sim) -> {
              String session = f.newSession();
              f.remove(session);
              return f.post("/v3/couponsession/barcode",
                  "{\"couponsession\":\"" + session + "\",\"type\":\"qrcode\"}");
            }),
        of("getCoupon", "campaignNotFound", "info of a coupon never created",
            (f, sim) -> f.post("/v3/coupon/info", "{\"campaign\":\"cam_999\"}")),
        of("createCoupon", "templateNotFound", "create from a template never created",
            (f, sim) -> f.post("/v3/coupon/create", "{\"template\":\"cam_999\"}")),
        of("listCoupons", "folderNotFound", "list a folder never created",
            (f, sim) -> f.post("/v3/coupon/list", "{\"folder\":\"fol_1\"}")),
        of("listCouponSessions", "campaignNotFound", "sessions of a coupon never created",
            (f, sim) -> f.post("/v3/campaign/data", "{\"campaign\":\"cam_999\"}")),
        of("createSingleUseUrl", "campaignNotFound", "single-use URL of a coupon never created",
            (f, sim) -> f.post("/v3/singleuse/create", "{\"campaign\":\"cam_999\"}")),
        of("createMultipleSingleUseUrls", "campaignNotFound", "URLs of a coupon never created",
            (f, sim) -> f.post("/v3/multiplesingleuse/create", "{\"campaign\":\"cam_999\"}")),
        of("sendCouponByEmail", "campaignNotFound", "email a coupon never created",
            (f, sim) -> f.post("/v3/send/email", "{\"campaign\":\"cam_999\",\"email\":\"a@example.com\"}")),
        of("sendCouponBySms", "statcodeNotFound", "create, remove, send it by SMS", (f, sim) -> {
          String session = f.newSession();
          f.remove(session);
          return f.post("/v3/send/sms", "{\"campaign\":\"" + COUPON + "\",\"phone\":\"+441234567890\","
              + "\"couponsession\":\"" + session + "\"}");
        }),
        of("sendSinglePushNotification", "couponSessionNotFound", "create, remove, push to it",
            (f, sim) -> {
              String session = f.newSession();
              f.remove(session);
              return f.post("/v3/coupon/pushnotification/single",
                  "{\"campaign\":\"" + COUPON + "\",\"couponsession\":\"" + session
                      + "\",\"message\":\"Hello\"}");
            }),
        of("listSmsContacts", "groupNotFound", "contacts of an SMS group never created",
            (f, sim) -> f.post("/v3/smstool/userlist", "{\"smsgroup\":\"gro_999\"}")),
        of("addSmsContact", "groupNotFound", "add to an SMS group never created",
            (f, sim) -> f.post("/v3/smstool/addcontact", "{\"smsgroup\":\"gro_999\",\"phone\":\"+441234567890\"}")),
        of("listEmailContacts", "groupNotFound", "contacts of an email group never created",
            (f, sim) -> f.post("/v3/emailtool/userlist", "{\"emailgroup\":\"gro_999\"}")),
        of("addEmailContact", "groupNotFound", "add to an email group never created",
            (f, sim) -> f.post("/v3/emailtool/addcontact", "{\"emailgroup\":\"gro_999\",\"email\":\"a@example.com\"}")),
        of("verifyWebhook", "webhookNotFound", "claim (an event is emitted), verify another id", (f, sim) -> {
          f.updated(f.newSession(), "claim");
          return f.post("/v4/webhook/verification", "{\"webhook\":\"evt_forged000000000000\"}");
        }),
        batch("startIdNotFound", "create, remove, batch from its sequence ID", (f, sim) -> {
          f.newSession();
          List<Long> all = f.sequences(COUPON);
          String last = f.ok("/v3/campaign/data", "{\"campaign\":\"" + COUPON + "\"}").body()
              .path("data").get(all.size() - 1).path("session").asText();
          f.remove(last);
          return f.batch(COUPON, all.get(all.size() - 1), null, "claim");
        }),
        batch("endIdNotFound", "batch up to a sequence ID past the last one", (f, sim) -> {
          List<Long> range = f.newSessions(COUPON, 2, "");
          return f.batch(COUPON, range.get(0), range.get(1) + 1000, "claim");
        }),
        batch("endBeforeStart", "2 sessions, batch from the second to the first", (f, sim) -> {
          List<Long> range = f.newSessions(COUPON, 2, "");
          return f.batch(COUPON, range.get(1), range.get(0), "claim");
        }),
        batch("rangeNotOfProvidedCampaign", "sessions of cam_123456, batch naming another coupon",
            (f, sim) -> {
              String other = f.newCoupon("");
              List<Long> range = f.newSessions(COUPON, 2, "");
              return f.batch(other, range.get(0), range.get(1), "claim");
            }),
        batch("rangeNotOfSameCampaign", "start in one coupon, end in another", (f, sim) -> {
          List<Long> first = f.newSessions(COUPON, 1, "");
          String other = f.newCoupon("");
          List<Long> second = f.newSessions(other, 1, "");
          return f.batch(COUPON, first.get(0), second.get(0), "claim");
        }));
  }

  static Stream<Arguments> deliveryErrors() {
    return Stream.of(
        send("sendCouponByEmail", "emailIntegrationMissing", "no email integration",
            sim -> sim.setEmailIntegration(false)),
        send("sendCouponByEmail", "emailNotSent", "delivery to john@doe.com fails",
            sim -> sim.failDeliveriesTo("john@doe.com")),
        send("sendCouponBySms", "smsIntegrationMissing", "no SMS integration",
            sim -> sim.setSmsIntegration(false)),
        send("sendCouponBySms", "smsNotSent", "delivery to 447911123456 fails",
            sim -> sim.failDeliveriesTo("447911123456")),
        send("sendCouponBySms", "numberBlacklisted", "+447911123456 opted out",
            sim -> sim.optOut("+447911123456")));
  }

  /** A send to John@Doe.com or +447911123456 after a delivery setting. */
  private static Arguments send(String operationId, String example, String setting,
      Consumer<CouponToolsSimulator> set) {
    boolean email = operationId.equals("sendCouponByEmail");
    String path = email ? "/v3/send/email" : "/v3/send/sms";
    String body = "{\"campaign\":\"" + COUPON + "\"," + (email ? "\"email\":\"John@Doe.com\"}"
        : "\"phone\":\"+447911123456\"}");
    return of(operationId, example, setting + ", send to " + (email ? "John@Doe.com" : "+447911123456"),
        (f, sim) -> {
          set.accept(sim);
          return f.post(path, body);
        });
  }

  private static Arguments update(String example, String sequence,
      BiFunction<SimulatorFlow, CouponToolsSimulator, Answer> calls) {
    return of("updateCouponSession", example, sequence, calls);
  }

  private static Arguments batch(String example, String sequence,
      BiFunction<SimulatorFlow, CouponToolsSimulator, Answer> calls) {
    return of("batchUpdateCouponSessions", example, sequence, calls);
  }

  private static Arguments of(String operationId, String example, String sequence,
      BiFunction<SimulatorFlow, CouponToolsSimulator, Answer> calls) {
    return Arguments.of(new Case(operationId, example, sequence, calls));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sessionStateErrors")
  void aRefusedTransitionGetsItsDocumentedError(Case refused, CouponToolsSimulator simulator) {
    assertDocumented(refused, simulator);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notFoundErrors")
  void anUnknownIdGetsItsDocumentedError(Case refused, CouponToolsSimulator simulator) {
    assertDocumented(refused, simulator);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deliveryErrors")
  void aFailedSendGetsItsDocumentedErrorAndLeavesNothingBehind(Case refused,
      CouponToolsSimulator simulator) {
    Object sessions = simulator.state().get("sessions");

    assertDocumented(refused, simulator);

    assertThat(simulator.outbox()).as("sends in the outbox").isEmpty();
    assertThat(simulator.state().get("sessions")).as("sessions").isEqualTo(sessions);
  }

  @Test
  void aResetSetsUpBothIntegrationsAndForgetsFailingRecipients(CouponToolsSimulator simulator) {
    simulator.setEmailIntegration(false);
    simulator.setSmsIntegration(false);
    simulator.failDeliveriesTo("john@doe.com");
    simulator.optOut("447911123456");
    simulator.reset();
    SimulatorFlow flow = new SimulatorFlow(simulator.baseUrl());

    flow.ok("/v3/send/email", "{\"campaign\":\"" + COUPON + "\",\"email\":\"john@doe.com\"}");
    flow.ok("/v3/send/sms", "{\"campaign\":\"" + COUPON + "\",\"phone\":\"447911123456\"}");

    assertThat(simulator.outbox()).extracting(sent -> sent.get("to"))
        .containsExactly("john@doe.com", "447911123456");
  }

  @Test
  void everyDeliveryErrorOfTheSendOperationsIsReachedByACase() {
    Set<String> documented = documented(List.of("sendCouponByEmail", "sendCouponBySms"),
        "10[34]|60[245]");
    assertThat(documented).as("103/104 and 602-605 examples of the send operations").hasSize(5);
    assertThat(reached(deliveryErrors())).isEqualTo(documented);
  }

  @Test
  void everySessionStateErrorOfTheContractIsReachedByACase() {
    Set<String> documented = documented(List.of("updateCouponSession", "batchUpdateCouponSessions"),
        "3(5[1-9]|60)");
    assertThat(documented).as("351-360 examples of update and batch update").hasSize(24);
    assertThat(reached(Stream.concat(sessionStateErrors(), notFoundErrors())))
        .containsAll(documented);
  }

  /** "operationId example" of each case. */
  private static Set<String> reached(Stream<Arguments> cases) {
    return cases.map(arguments -> (Case) arguments.get()[0])
        .map(c -> c.operationId() + " " + c.example())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** "operationId example" of the contract's error examples whose code matches {@code codes}. */
  private static Set<String> documented(List<String> operationIds, String codes) {
    Set<String> documented = new TreeSet<>();
    for (String operationId : operationIds) {
      Spec.load().operation(operationId).errorExamples().stream()
          .filter(e -> e.value().toString().matches(".*\"error_code\":\\[?(" + codes + ")\\b.*"))
          .forEach(e -> documented.add(operationId + " " + e.name()));
    }
    return documented;
  }

  private static void assertDocumented(Case refused, CouponToolsSimulator simulator) {
    Answer answer = refused.calls().apply(new SimulatorFlow(simulator.baseUrl()), simulator);
    Spec.Operation operation = Spec.load().operation(refused.operationId());
    int status = operation.response(422).isPresent() ? 422 : 400;
    assertThat(answer.status()).as("%s: %s", refused, answer.body()).isEqualTo(status);
    assertThat(answer.body()).as(refused.toString())
        .isEqualTo(operation.responseExample(status, refused.example()));
  }
}
