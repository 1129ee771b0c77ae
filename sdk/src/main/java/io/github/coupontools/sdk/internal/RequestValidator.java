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

  private final Validator validator;
  private final ObjectMapper mapper;
  private final Map<Class<?>, Map<String, String>> jsonNames = new ConcurrentHashMap<>();

  RequestValidator(ObjectMapper mapper) {
    this.mapper = mapper;
    // The parameter interpolator needs no Expression Language implementation on the classpath.
    ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
    this.validator = factory.getValidator();
  }

  void validate(String operationId, Object request) {
    if (request == null) {
      throw new RequestValidationException(operationId + ": the request body is required, not sent");
    }
    List<String> problems = new ArrayList<>();
    for (ConstraintViolation<Object> violation : validator.validate(request)) {
      problems.add(jsonPath(request.getClass(), violation.getPropertyPath()) + ": "
          + violation.getMessage());
    }
    problems.addAll(RequestRules.check(request));
    if (!problems.isEmpty()) {
      problems.sort(null);
      throw new RequestValidationException(
          "Invalid " + operationId + " request, not sent: " + String.join("; ", problems), problems);
    }
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
