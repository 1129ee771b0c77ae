package io.github.coupontools.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.coupontools.openapi.Spec;
import io.github.coupontools.sdk.exception.RequestValidationException;
import io.github.coupontools.sdk.model.AddSmsContactRequest;
import io.github.coupontools.sdk.model.SendCouponByEmailRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Requests generated from the contract's constraints (the patterns are read from the spec):
 * every valid one reaches a local server exactly once, every one with a broken field never leaves
 * the client and its error names that field. Each call is bounded by the client's timeouts and
 * no retries; the number of tries bounds each property.
 */
class GeneratedRequestsTest {

  private static final String SEND_EMAIL = "/v3/send/email";
  private static final String ADD_SMS_CONTACT = "/v3/smstool/addcontact";
  private static final JsonNode SCHEMAS = Spec.load().root().path("components").path("schemas");
  private static final Pattern CAMPAIGN = pattern("CouponOrDirectoryId");
  private static final Pattern SESSION = pattern("CouponSessionCode");
  private static final Pattern GROUP = pattern("GroupId");
  private static final Pattern PHONE = pattern("PhoneNumber");
  private static final Pattern BIRTHDAY = Pattern.compile(SCHEMAS.path("AddSmsContactRequest")
      .path("properties").path("birthday").path("pattern").asText());

  private static WireMockServer server;
  private static CouponToolsClient client;

  @BeforeContainer
  static void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(post(urlEqualTo(SEND_EMAIL)).willReturn(okJson("{\"status\":{\"status\":\"OK\"}}")));
    server.stubFor(post(urlEqualTo(ADD_SMS_CONTACT))
        .willReturn(okJson("{\"status\":{\"status\":\"OK\"}}")));
    client = CouponToolsClient.builder().clientId("generated-id").clientSecret("generated-secret")
        .baseUrl(server.baseUrl()).connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5)).maxRetries(0).build();
  }

  @AfterContainer
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  // ---------------------------------------------------------------- send/email

  @Property(tries = 500)
  void aValidSendCouponByEmailRequestReachesTheServerOnce(
      @ForAll("validEmailRequests") SendCouponByEmailRequest request) {
    assertThat(request.getCampaign()).matches(CAMPAIGN);
    server.resetRequests();

    client.distribution().sendCouponByEmail(request);

    assertThat(server.countRequestsMatching(postRequestedFor(urlEqualTo(SEND_EMAIL)).build())
        .getCount()).isEqualTo(1);
  }

  @Property(tries = 1000)
  void anInvalidSendCouponByEmailRequestIsNeverSentAndNamesTheField(
      @ForAll("invalidEmailRequests") Tuple.Tuple2<String, SendCouponByEmailRequest> broken) {
    server.resetRequests();

    Throwable thrown = catchThrowable(() -> client.distribution().sendCouponByEmail(broken.get2()));

    assertThat(thrown).isInstanceOf(RequestValidationException.class);
    assertThat(((RequestValidationException) thrown).violations())
        .anySatisfy(violation -> assertThat(violation).startsWith(broken.get1() + ":"));
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Provide
  Arbitrary<SendCouponByEmailRequest> validEmailRequests() {
    return Combinators.combine(campaigns(), emails(), sessions().injectNull(0.3))
        .as((campaign, email, session) -> new SendCouponByEmailRequest().campaign(campaign)
            .email(email).couponsession(session));
  }

  @Provide
  Arbitrary<Tuple.Tuple2<String, SendCouponByEmailRequest>> invalidEmailRequests() {
    Arbitrary<Tuple.Tuple2<String, SendCouponByEmailRequest>> badCampaign =
        Combinators.combine(Arbitraries.strings().ofMaxLength(20)
            .filter(value -> !CAMPAIGN.matcher(value).matches()), emails())
            .as((campaign, email) -> Tuple.of("campaign",
                new SendCouponByEmailRequest().campaign(campaign).email(email)));
    Arbitrary<Tuple.Tuple2<String, SendCouponByEmailRequest>> badEmail =
        Combinators.combine(campaigns(), Arbitraries.oneOf(Arbitraries.just(""),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)))
            .as((campaign, email) -> Tuple.of("email",
                new SendCouponByEmailRequest().campaign(campaign).email(email)));
    Arbitrary<Tuple.Tuple2<String, SendCouponByEmailRequest>> badSession =
        Combinators.combine(campaigns(), emails(), sessions(),
            Arbitraries.of(' ', '-', '_', '/', '.', '+', '\n', 'é'))
            .as((campaign, email, session, odd) -> Tuple.of("couponsession",
                new SendCouponByEmailRequest().campaign(campaign).email(email)
                    .couponsession(session + odd)));
    return Arbitraries.oneOf(badCampaign, badEmail, badSession);
  }

  // ---------------------------------------------------------------- smstool/addcontact

  @Property(tries = 500)
  void aValidAddSmsContactRequestReachesTheServerOnce(
      @ForAll("validContacts") AddSmsContactRequest request) {
    assertThat(request.getSmsgroup()).matches(GROUP);
    assertThat(request.getPhone()).matches(PHONE);
    server.resetRequests();

    client.smsGroups().addSmsContact(request);

    assertThat(server.countRequestsMatching(postRequestedFor(urlEqualTo(ADD_SMS_CONTACT)).build())
        .getCount()).isEqualTo(1);
  }

  @Property(tries = 1000)
  void anInvalidAddSmsContactRequestIsNeverSentAndNamesTheField(
      @ForAll("invalidContacts") Tuple.Tuple2<String, AddSmsContactRequest> broken) {
    server.resetRequests();

    Throwable thrown = catchThrowable(() -> client.smsGroups().addSmsContact(broken.get2()));

    assertThat(thrown).isInstanceOf(RequestValidationException.class);
    assertThat(((RequestValidationException) thrown).violations())
        .anySatisfy(violation -> assertThat(violation).startsWith(broken.get1() + ":"));
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Provide
  Arbitrary<AddSmsContactRequest> validContacts() {
    return Combinators.combine(groups(), phones(), birthdays().injectNull(0.3))
        .as((group, phone, birthday) -> new AddSmsContactRequest().smsgroup(group).phone(phone)
            .birthday(birthday));
  }

  @Provide
  Arbitrary<Tuple.Tuple2<String, AddSmsContactRequest>> invalidContacts() {
    Arbitrary<Tuple.Tuple2<String, AddSmsContactRequest>> badGroup =
        Combinators.combine(Arbitraries.strings().ofMaxLength(20)
            .filter(value -> !GROUP.matcher(value).matches()), phones())
            .as((group, phone) -> Tuple.of("smsgroup",
                new AddSmsContactRequest().smsgroup(group).phone(phone)));
    Arbitrary<Tuple.Tuple2<String, AddSmsContactRequest>> badPhone =
        Combinators.combine(groups(), Arbitraries.strings().ofMaxLength(20)
            .filter(value -> !PHONE.matcher(value).matches()))
            .as((group, phone) -> Tuple.of("phone",
                new AddSmsContactRequest().smsgroup(group).phone(phone)));
    // Dates the pattern lets through but no calendar has: 30 February, month 13, day 00.
    Arbitrary<String> impossible = Combinators.combine(Arbitraries.integers().between(1900, 2100),
        Arbitraries.integers().between(1, 12), Arbitraries.integers().between(0, 99))
        .as((year, month, day) -> String.format("%04d-%02d-%02d", year, month, day))
        .filter(date -> !isRealDate(date));
    Arbitrary<String> badMonth = Arbitraries.integers().between(13, 99)
        .map(month -> String.format("2024-%02d-01", month));
    Arbitrary<Tuple.Tuple2<String, AddSmsContactRequest>> badBirthday =
        Combinators.combine(groups(), phones(), Arbitraries.oneOf(impossible, badMonth))
            .as((group, phone, birthday) -> Tuple.of("birthday",
                new AddSmsContactRequest().smsgroup(group).phone(phone).birthday(birthday)));
    return Arbitraries.oneOf(badGroup, badPhone, badBirthday);
  }

  // ---------------------------------------------------------------- valid values by the spec

  private static Arbitrary<String> campaigns() {
    return Combinators.combine(Arbitraries.of("cam_", "dir_"), digits(1, 12)).as(String::concat);
  }

  private static Arbitrary<String> sessions() {
    return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30);
  }

  private static Arbitrary<String> emails() {
    return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').numeric()
        .ofMinLength(1).ofMaxLength(20), Arbitraries.strings().withCharRange('a', 'z')
        .ofMinLength(1).ofMaxLength(12), Arbitraries.of("com", "org", "nl", "example"))
        .as((local, domain, tld) -> local + "@" + domain + "." + tld);
  }

  private static Arbitrary<String> groups() {
    return digits(1, 10).map("gro_"::concat);
  }

  private static Arbitrary<String> phones() {
    return Combinators.combine(Arbitraries.of("", "+"), Arbitraries.integers().between(1, 9),
        digits(1, 14)).as((plus, first, rest) -> plus + first + rest);
  }

  private static Arbitrary<String> birthdays() {
    return Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(),
        LocalDate.of(2025, 12, 31).toEpochDay()).map(day -> LocalDate.ofEpochDay(day).toString())
        .filter(date -> BIRTHDAY.matcher(date).matches());
  }

  private static Arbitrary<String> digits(int min, int max) {
    return Arbitraries.strings().numeric().ofMinLength(min).ofMaxLength(max);
  }

  private static boolean isRealDate(String date) {
    try {
      LocalDate.parse(date);
      return true;
    } catch (java.time.format.DateTimeParseException impossible) {
      return false;
    }
  }

  private static Pattern pattern(String schema) {
    String regex = SCHEMAS.path(schema).path("pattern").asText(null);
    if (regex == null) {
      throw new IllegalStateException("the contract's " + schema + " has no pattern");
    }
    return Pattern.compile(regex);
  }
}
