package io.github.coupontools.sdk.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The secrets an answer may carry (single sign-on tokens and login URLs, a subaccount's API key
 * and secret: the contract's {@code format: password}), kept out of the raw body an exception
 * offers when the answer did not fit the contract. The generated models name their own secret
 * properties; the answer's type is walked to every model it can contain.
 */
final class SecretValues {

  /** The generated models' private list of their secret JSON names (pojo.mustache). */
  private static final String FIELD = "SECRET_JSON_NAMES";
  private static final String REDACTED = "[REDACTED]";

  private SecretValues() {}

  /**
   * A pattern matching {@code "name": "value"} for every secret property of the type and of the
   * models it contains, at any depth; empty when there is none.
   */
  static Optional<Pattern> patternFor(ObjectMapper mapper, JavaType type) {
    Set<String> names = new TreeSet<>();
    collect(mapper, type, names, new HashSet<>());
    if (names.isEmpty()) {
      return Optional.empty();
    }
    String alternatives = names.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    return Optional.of(Pattern.compile("\"(" + alternatives + ")\"(\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\""));
  }

  /** The text with the value of every matched secret property replaced. */
  static String redact(Pattern secrets, String text) {
    Matcher matcher = secrets.matcher(text);
    return matcher.find() ? matcher.replaceAll(
        match -> Matcher.quoteReplacement("\"" + match.group(1) + "\"" + match.group(2) + "\""
            + REDACTED + "\"")) : text;
  }

  private static void collect(ObjectMapper mapper, JavaType type, Set<String> names,
      Set<Class<?>> seen) {
    if (type == null) {
      return;
    }
    if (type.isContainerType() || type.isReferenceType()) {
      collect(mapper, type.getContentType(), names, seen);
      return;
    }
    Class<?> model = type.getRawClass();
    if (!RawJsonHolder.class.isAssignableFrom(model) || !seen.add(model)) {
      return;
    }
    names.addAll(declaredSecrets(model));
    for (BeanPropertyDefinition property
        : mapper.getDeserializationConfig().introspect(type).findProperties()) {
      collect(mapper, property.getPrimaryType(), names, seen);
    }
  }

  private static Set<String> declaredSecrets(Class<?> model) {
    try {
      Field field = model.getDeclaredField(FIELD);
      field.setAccessible(true);
      return Set.of((String[]) field.get(null));
    } catch (NoSuchFieldException notGenerated) {
      return Set.of();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + model.getName() + "." + FIELD, e);
    }
  }
}
