package io.github.coupontools.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.coupontools.sdk.model.AddSmsContactRequest;
import io.github.coupontools.sdk.model.BatchUpdateCouponSessionsRequest;
import io.github.coupontools.sdk.model.CreateCouponRequest;
import io.github.coupontools.sdk.model.AddEmailContactResponse;
import io.github.coupontools.sdk.model.SendCouponByEmailRequest;
import io.github.coupontools.sdk.model.Status;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The validation generated into every model judges like Bean Validation (Hibernate Validator,
 * the oracle) on the annotations generated from the same constraints: random models, with texts
 * drawn from values near each rule, get the same broken rules with the same messages from both.
 * Only the SDK's own additions (blank required texts, impossible dates, additional properties
 * shadowing a field) are not Bean Validation's. The rules between fields, which Bean Validation
 * does not carry, judge like the contract's {@code anyOf} and {@code not} on the model's JSON.
 */
class ViolationsTest {

  private static final Validator ORACLE = Validation.byProvider(HibernateValidator.class)
      .configure().messageInterpolator(new ParameterMessageInterpolator())
      .buildValidatorFactory().getValidator();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper WIRE = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).build();
  private static final JsonNode SCHEMAS =
      io.github.coupontools.openapi.Spec.load().root().path("components").path("schemas");
  private static final List<Class<?>> MODELS = modelClasses();
  private static final String[] TEXTS = {
      "", " ", "a", "cam_123", "cam_", "gro_42", "ABC123abc", "abc-123", "12345", "+32470123456",
      "0470123456", "2024-02-29", "2024-02-30", "2024-01-01 10:00", "2024-01-01 10-00",
      "2024-01-01 25:00:00", "2024-01-01T10:00", "a@b.co", "first.last@example.com", "a@b",
      "a@", "@b.co", "a b@c.de", "é@ü.de", "a@-b.de", "a@[127.0.0.1]", "x".repeat(50),
      "x".repeat(51), "x".repeat(255), "x".repeat(256), "https://example.com/x", "#ff0000"};

  @Property(tries = 3000)
  void generatedChecksJudgeLikeBeanValidation(@ForAll("models") Object model) {
    assertThat(generated(model)).as(String.valueOf(model)).isEqualTo(oracle(model));
  }

  @Property(tries = 1000)
  void generatedRulesBetweenFieldsJudgeLikeTheContractsAnyOfAndNot(
      @ForAll("ruledModels") Object model) {
    Violations violations = new Violations();
    ((Validatable) model).collectViolations(violations);
    boolean refused = violations.problems().stream().anyMatch(ViolationsTest::isRuleBetweenFields);
    JsonNode schema = SCHEMAS.path(model.getClass().getSimpleName());
    JsonNode body = WIRE.valueToTree(model);

    assertThat(refused).as("%s refused; the contract's anyOf/not on %s", model, body)
        .isEqualTo(!RuleOracle.holds(schema, body));
  }

  @Example
  void namesTheFieldOfANestedObjectByItsJsonPath() {
    AddEmailContactResponse answer = new AddEmailContactResponse().status(new Status());
    Violations violations = new Violations();
    answer.collectViolations(violations);
    assertThat(violations.problems()).containsExactly("status.status: must not be null");
    assertThat(oracle(answer)).isEqualTo(generated(answer));
  }

  @Example
  void judgesEmailsLikeBeanValidation() {
    for (String email : new String[] {"a@b.co", "A.B+c@d-e.fr", "a@b", "a@", "@b.co", "a", "a b@c.de",
        "a..b@c.de", ".a@b.co", "a.@b.co", "a@b..co", "a@b.co.", "a@-b.co", "a@b-.co", "a@b_c.de",
        "\"quoted\"@b.co", "\"a b\"@c.de", "\"a\\\\b\"@c.de", "\"a\\x\"@c.de", "\"a\tb\"@c.de",
        "a@[1.2.3.4]", "a@[1]", "a@[IPv6:::1]", "é@ü.de", "a@[127.0.0.1]", "a@b@c.de", "x".repeat(64) + "@b.co",
        "x".repeat(65) + "@b.co", "a@" + "x".repeat(63) + ".co", "a@" + "x".repeat(64) + ".co"}) {
      SendCouponByEmailRequest request = new SendCouponByEmailRequest().email(email);
      assertThat(generated(request)).as(email).isEqualTo(oracle(request));
    }
  }

  /** The range checks at and around each limit, inclusive and exclusive. */
  @Example
  void judgesRangesLikeBeanValidation() {
    for (long value : new long[] {-1, 0, 1, 5, 10, 11}) {
      Ranges ranges = new Ranges(value);
      Violations violations = new Violations();
      violations.minimum("atLeastOne", ranges.atLeastOne, "1", true);
      violations.maximum("atMostTen", ranges.atMostTen, "10", true);
      violations.minimum("overHalf", ranges.overHalf, "0.5", false);
      violations.maximum("underTen", ranges.underTen, "10", false);
      List<String> oracle = ORACLE.validate((Object) ranges).stream()
          .map(v -> v.getPropertyPath() + ": " + evaluated(v))
          .sorted().collect(Collectors.toList());
      assertThat(violations.problems().stream().sorted().collect(Collectors.toList()))
          .as("value %d", value).isEqualTo(oracle);
    }
  }

  /**
   * Request numbers the contract accepts as a number or a string of digits are one Java type in
   * the SDK; the range of their numeric branch still holds before sending.
   */
  @Example
  void checksTheRangeOfRequestNumbersMappedToJavaTypes() {
    CreateCouponRequest request = new CreateCouponRequest().name("Summer").codeLength(2)
        .amountLimitation(0);
    Violations violations = new Violations();
    request.collectViolations(violations);
    assertThat(violations.problems()).contains(
        "code_length: must be greater than or equal to 3",
        "amount_limitation: must be greater than or equal to 1");
    assertThat(generated(request)).isEqualTo(oracle(request));
    CreateCouponRequest inRange = new CreateCouponRequest().codeLength(30).amountLimitation(1);
    assertThat(generated(inRange))
        .noneMatch(line -> line.startsWith("code_length") || line.startsWith("amount_limitation"));
    assertThat(generated(new CreateCouponRequest().codeLength(31)))
        .contains("code_length: must be less than or equal to 30");
    // A sequence ID stays text in Java (it may exceed a long): digits only, as the contract says.
    BatchUpdateCouponSessionsRequest batch = new BatchUpdateCouponSessionsRequest()
        .campaign("cam_1").startsequence("12a").endsequence("99999999999999999999");
    assertThat(generated(batch)).containsExactly("startsequence: must be greater than or equal to 0",
        "startsequence: must match \"^[0-9]+$\"");
    assertThat(generated(batch)).isEqualTo(oracle(batch));
    BatchUpdateCouponSessionsRequest fraction = new BatchUpdateCouponSessionsRequest()
        .campaign("cam_1").startsequence("1.5");
    assertThat(generated(fraction)).containsExactly("startsequence: must match \"^[0-9]+$\"");
    assertThat(generated(fraction)).isEqualTo(oracle(fraction));
  }

  static final class Ranges {
    @jakarta.validation.constraints.Min(1)
    final Integer atLeastOne;
    @jakarta.validation.constraints.Max(10L)
    final Long atMostTen;
    @jakarta.validation.constraints.DecimalMin(value = "0.5", inclusive = false)
    final BigDecimal overHalf;
    @jakarta.validation.constraints.DecimalMax(value = "10", inclusive = false)
    final BigDecimal underTen;

    Ranges(long value) {
      atLeastOne = (int) value;
      atMostTen = value;
      overHalf = BigDecimal.valueOf(value).divide(BigDecimal.TEN);
      underTen = BigDecimal.valueOf(value);
    }
  }

  @Example
  void refusesBlankRequiredTextsAndImpossibleDatesBeyondBeanValidation() {
    AddSmsContactRequest contact = new AddSmsContactRequest().phone(" ").birthday("2023-02-29");
    Violations violations = new Violations();
    contact.collectViolations(violations);
    assertThat(violations.problems()).contains("phone: must not be empty")
        .anySatisfy(line -> assertThat(line).startsWith("birthday: '2023-02-29' is not a real date"));
  }

  @Example
  void refusesAnAdditionalPropertyNamedLikeADeclaredField() {
    BatchUpdateCouponSessionsRequest batch =
        new BatchUpdateCouponSessionsRequest().putAdditionalProperty("campaign", "cam_1");
    Violations violations = new Violations();
    batch.collectViolations(violations);
    assertThat(violations.problems())
        .contains("campaign: set through the declared field, not as an additional property");
  }

  @Provide
  Arbitrary<Object> models() {
    return instancesOf(MODELS);
  }

  /** The models whose schema has rules between its fields, drawn with each field set or not. */
  @Provide
  Arbitrary<Object> ruledModels() {
    List<Class<?>> ruled = MODELS.stream()
        .filter(type -> SCHEMAS.path(type.getSimpleName()).has("x-coupontools-field-rules"))
        .collect(Collectors.toList());
    assertThat(ruled).as("models with rules between fields").hasSizeGreaterThanOrEqualTo(4);
    return instancesOf(ruled);
  }

  private static Arbitrary<Object> instancesOf(List<Class<?>> models) {
    return Arbitraries.of(models).flatMap(type -> Arbitraries.randomValue(random -> build(type, random, 0)));
  }

  private static boolean isRuleBetweenFields(String line) {
    return line.endsWith(": at least one of them is required")
        || line.endsWith(": cannot be combined, set only one of them") || line.contains(": required when ");
  }

  private static List<String> generated(Object model) {
    Violations violations = new Violations();
    ((Validatable) model).collectViolations(violations);
    return violations.problems().stream()
        .filter(line -> !line.endsWith(": must not be empty") && !line.contains("is not a real date")
            && !line.endsWith("not as an additional property") && !isRuleBetweenFields(line))
        .sorted().collect(Collectors.toList());
  }

  /**
   * JSON Schema's {@code anyOf}, {@code not}, {@code required} and {@code enum} as the contract
   * uses them between fields; a null field is absent, as the SDK never sends it.
   */
  static final class RuleOracle {
    /** Whether the body keeps the schema's {@code anyOf} and {@code not} (its fields aside). */
    static boolean holds(JsonNode schema, JsonNode body) {
      boolean holds = true;
      if (schema.has("anyOf")) {
        boolean any = false;
        for (JsonNode branch : schema.get("anyOf")) {
          any |= branchHolds(branch, body);
        }
        holds = any;
      }
      if (schema.has("not")) {
        holds &= !branchHolds(schema.get("not"), body);
      }
      return holds;
    }

    private static boolean branchHolds(JsonNode schema, JsonNode body) {
      boolean holds = holds(schema, body);
      for (JsonNode name : schema.path("required")) {
        JsonNode value = body.get(name.asText());
        holds &= value != null && !value.isNull();
      }
      for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
        JsonNode value = body.get(property.getKey());
        JsonNode allowed = property.getValue().path("enum");
        if (value != null && !value.isNull() && allowed.isArray()) {
          boolean listed = false;
          for (JsonNode option : allowed) {
            listed |= option.equals(value);
          }
          holds &= listed;
        }
      }
      return holds;
    }
  }

  private static List<String> oracle(Object model) {
    List<String> lines = new ArrayList<>();
    for (ConstraintViolation<Object> violation : ORACLE.validate(model)) {
      lines.add(jsonPath(model.getClass(), violation.getPropertyPath()) + ": " + evaluated(violation));
    }
    lines.sort(null);
    return lines;
  }

  /**
   * The message as Bean Validation's default interpolator writes it: the parameter interpolator
   * leaves the Expression Language of the decimal messages as it is.
   */
  private static String evaluated(ConstraintViolation<Object> violation) {
    Object inclusive = violation.getConstraintDescriptor().getAttributes().get("inclusive");
    return violation.getMessage().replace("${inclusive == true ? 'or equal to ' : ''}",
        Boolean.TRUE.equals(inclusive) ? "or equal to " : "");
  }

  /** Bean Validation's path of Java names as the JSON names the SDK reports. */
  private static String jsonPath(Class<?> root, Path path) {
    StringBuilder json = new StringBuilder();
    Class<?> type = root;
    for (Path.Node node : path) {
      if (node.getIndex() != null) {
        json.append('[').append(node.getIndex()).append(']');
      } else if (node.getKey() != null) {
        json.append('[').append(node.getKey()).append(']');
      }
      if (node.getName() == null) {
        continue;
      }
      BeanPropertyDefinition property = properties(type).stream()
          .filter(p -> p.getInternalName().equals(node.getName())).findFirst()
          .orElseThrow(() -> new AssertionError(node + " is not a property"));
      json.append(json.length() == 0 ? "" : ".").append(property.getName());
      Type declared = property.getGetter().getAnnotated().getGenericReturnType();
      type = declared instanceof ParameterizedType
          ? (Class<?>) ((ParameterizedType) declared).getActualTypeArguments()[
              ((ParameterizedType) declared).getActualTypeArguments().length - 1]
          : (Class<?>) declared;
    }
    return json.toString();
  }

  private static List<BeanPropertyDefinition> properties(Class<?> type) {
    return JSON.getSerializationConfig().introspect(JSON.constructType(type)).findProperties();
  }

  /** A model whose properties are random, absent or values near the contract's rules. */
  private static Object build(Class<?> type, Random random, int depth) {
    try {
      Object model = type.getConstructor().newInstance();
      for (BeanPropertyDefinition property : properties(type)) {
        if (property.hasSetter()) {
          Method setter = property.getSetter().getAnnotated();
          setter.invoke(model, random.nextInt(4) == 0 ? null
              : value(setter.getGenericParameterTypes()[0], random, depth));
        }
      }
      return model;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type.toString(), e);
    }
  }

  private static Object value(Type declared, Random random, int depth) {
    if (declared instanceof ParameterizedType) {
      ParameterizedType generic = (ParameterizedType) declared;
      if (generic.getRawType() != List.class) {
        return null;
      }
      Type item = generic.getActualTypeArguments()[0];
      List<Object> items = new ArrayList<>();
      for (int i = random.nextInt(3); i > 0; i--) {
        items.add(value(item, random, depth + 1));
      }
      return items;
    }
    Class<?> type = (Class<?>) declared;
    if (type == String.class) {
      return text(random);
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[random.nextInt(constants.length)];
    }
    if (type == Integer.class) {
      return random.nextInt(2001) - 1000;
    }
    if (type == Long.class) {
      return random.nextLong();
    }
    if (type == BigDecimal.class) {
      return BigDecimal.valueOf(random.nextInt(20001) - 10000, 2);
    }
    if (type == Boolean.class) {
      return random.nextBoolean();
    }
    if (MODELS.contains(type) && depth < 2) {
      return build(type, random, depth + 1);
    }
    return null;
  }

  private static String text(Random random) {
    if (random.nextInt(5) == 0) {
      StringBuilder any = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        any.append((char) (' ' + random.nextInt(95)));
      }
      return any.toString();
    }
    return TEXTS[random.nextInt(TEXTS.length)];
  }

  /** Every generated model class that checks itself. */
  private static List<Class<?>> modelClasses() {
    try {
      java.nio.file.Path folder = Paths.get(Validatable.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI()).resolve("io/github/coupontools/sdk/model");
      try (Stream<java.nio.file.Path> files = Files.list(folder)) {
        List<Class<?>> models = new ArrayList<>();
        for (String name : files.map(f -> f.getFileName().toString())
            .filter(n -> n.endsWith(".class") && !n.contains("$")).sorted()
            .collect(Collectors.toList())) {
          Class<?> type = Class.forName("io.github.coupontools.sdk.model."
              + name.substring(0, name.length() - ".class".length()));
          if (Validatable.class.isAssignableFrom(type)) {
            models.add(type);
          }
        }
        return models;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
