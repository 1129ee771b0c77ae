package io.github.coupontools.sdk.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.coupontools.sdk.exception.RequestValidationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.PropertyDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a request against the contract before it is sent: the Bean Validation constraints the
 * generator derived from the spec (required, lengths, patterns, ranges) plus the rules between
 * fields that Bean Validation cannot express ({@link RequestRules}). Messages name the JSON field
 * and the rule.
 */
final class RequestValidator {

  private final java.util.concurrent.FutureTask<Validator> validator;
  private final ObjectMapper mapper;
  private final Map<Class<?>, Map<String, String>> jsonNames = new ConcurrentHashMap<>();
  private final Map<Class<?>, Map<String, java.lang.reflect.Method>> requiredStrings =
      new ConcurrentHashMap<>();
  private final Map<Class<?>, Map<String, java.lang.reflect.Method>> texts =
      new ConcurrentHashMap<>();

  RequestValidator(ObjectMapper mapper) {
    this.mapper = mapper;
    // Starting Hibernate Validator takes about half a second of class loading; it runs beside
    // the rest of the client's start instead of before the first call (bench/: cold start).
    this.validator = new java.util.concurrent.FutureTask<>(RequestValidator::bootstrap);
    Thread starter = new Thread(validator, "coupontools-validator-start");
    starter.setDaemon(true);
    starter.start();
  }

  private static Validator bootstrap() {
    // The parameter interpolator needs no Expression Language implementation on the classpath.
    ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .ignoreXmlConfiguration()
        .buildValidatorFactory();
    return factory.getValidator();
  }

  private Validator validator() {
    // Runs the start here if the thread has not begun it yet; otherwise waits for it.
    validator.run();
    try {
      return validator.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Bean Validation was starting", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Bean Validation could not start", e.getCause());
    }
  }

  void validate(String operationId, Object request) {
    if (request == null) {
      throw new RequestValidationException(operationId + ": the request body is required, not sent");
    }
    List<String> problems = new ArrayList<>();
    for (ConstraintViolation<Object> violation : validator().validate(request)) {
      problems.add(jsonPath(request.getClass(), violation.getPropertyPath()) + ": "
          + violation.getMessage());
    }
    for (Map.Entry<String, java.lang.reflect.Method> required
        : requiredStrings.computeIfAbsent(request.getClass(), this::requiredStringsOf).entrySet()) {
      Object value;
      try {
        value = required.getValue().invoke(request);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      // Required means a value: an empty text would reach the API as a missing parameter.
      if (value instanceof String && ((String) value).isBlank()) {
        problems.add(required.getKey() + ": must not be empty");
      }
    }
    for (Map.Entry<String, java.lang.reflect.Method> text
        : texts.computeIfAbsent(request.getClass(), this::textsOf).entrySet()) {
      Object value;
      try {
        value = text.getValue().invoke(request);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      String impossible = value instanceof String ? impossibleDate((String) value) : null;
      if (impossible != null) {
        problems.add(text.getKey() + ": " + impossible);
      }
    }
    problems.addAll(shadowingExtras(request));
    problems.addAll(RequestRules.check(request));
    if (!problems.isEmpty()) {
      problems.sort(null);
      throw new RequestValidationException(
          "Invalid " + operationId + " request, not sent: " + String.join("; ", problems), problems);
    }
  }

  private static final java.util.regex.Pattern DATE_TIME = java.util.regex.Pattern.compile(
      "^(\\d{4})-(\\d{2})-(\\d{2})(?: (\\d{2})[:-](\\d{2})(?::(\\d{2}))?)?$");

  /**
   * Why a text in one of the contract's date forms ({@code yyyy-MM-dd}, with {@code HH:mm} or
   * {@code HH:mm:ss}) is not a real date or time, or null: the patterns check only digits.
   */
  static String impossibleDate(String value) {
    java.util.regex.Matcher parts = DATE_TIME.matcher(value);
    if (!parts.matches()) {
      return null;
    }
    try {
      java.time.LocalDate.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)),
          Integer.parseInt(parts.group(3)));
      if (parts.group(4) != null) {
        java.time.LocalTime.of(Integer.parseInt(parts.group(4)), Integer.parseInt(parts.group(5)),
            parts.group(6) == null ? 0 : Integer.parseInt(parts.group(6)));
      }
      return null;
    } catch (java.time.DateTimeException notADate) {
      return "'" + value + "' is not a real date or time (" + notADate.getMessage() + ")";
    }
  }

  /**
   * Additional properties named like a declared field: the body would carry the key twice, and
   * the declared field's checks would not see the second value.
   */
  private List<String> shadowingExtras(Object request) {
    Object extras;
    try {
      extras = request.getClass().getMethod("getAdditionalProperties").invoke(request);
    } catch (NoSuchMethodException closedObject) {
      return List.of();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    if (!(extras instanceof Map)) {
      return List.of();
    }
    java.util.Collection<String> declared =
        jsonNames.computeIfAbsent(request.getClass(), this::namesOf).values();
    List<String> problems = new ArrayList<>();
    for (Object key : ((Map<?, ?>) extras).keySet()) {
      if (declared.contains(String.valueOf(key)) || "additionalProperties".equals(key)) {
        problems.add(key + ": set through the declared field, not as an additional property");
      }
    }
    return problems;
  }

  /** The getters of the text properties, by JSON name. */
  private Map<String, java.lang.reflect.Method> textsOf(Class<?> type) {
    BeanDescription description =
        mapper.getSerializationConfig().introspect(mapper.constructType(type));
    Map<String, java.lang.reflect.Method> getters = new java.util.TreeMap<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      if (property.hasGetter() && property.getGetter().getRawReturnType() == String.class) {
        getters.put(property.getName(), property.getGetter().getAnnotated());
      }
    }
    return getters;
  }

  /** The getters of the required text properties, by JSON name. */
  private Map<String, java.lang.reflect.Method> requiredStringsOf(Class<?> type) {
    Map<String, String> names = jsonNames.computeIfAbsent(type, this::namesOf);
    Map<String, java.lang.reflect.Method> getters = new java.util.TreeMap<>();
    for (PropertyDescriptor property
        : validator().getConstraintsForClass(type).getConstrainedProperties()) {
      boolean required = property.getConstraintDescriptors().stream().anyMatch(
          constraint -> constraint.getAnnotation() instanceof jakarta.validation.constraints.NotNull);
      if (required && property.getElementClass() == String.class) {
        String name = property.getPropertyName();
        try {
          getters.put(names.getOrDefault(name, name), type.getMethod(
              "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1)));
        } catch (NoSuchMethodException noGetter) {
          // Bean Validation found the property through a getter, so this does not happen.
          throw new IllegalStateException(noGetter);
        }
      }
    }
    return getters;
  }

  /** The JSON name of the violated property (requests are flat objects). */
  private String jsonPath(Class<?> type, Path path) {
    String javaName = null;
    for (Path.Node node : path) {
      javaName = node.getName();
    }
    return javaName == null ? "(request)"
        : jsonNames.computeIfAbsent(type, this::namesOf).getOrDefault(javaName, javaName);
  }

  private Map<String, String> namesOf(Class<?> type) {
    BeanDescription description =
        mapper.getSerializationConfig().introspect(mapper.constructType(type));
    Map<String, String> names = new HashMap<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      names.put(property.getInternalName(), property.getName());
    }
    return names;
  }
}
