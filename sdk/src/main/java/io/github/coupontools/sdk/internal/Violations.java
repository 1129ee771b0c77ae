package io.github.coupontools.sdk.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broken rules of a request, as the generated {@link Validatable#collectViolations} finds
 * them: one line per rule, {@code <JSON field>: <rule>}. The rules and their messages are those
 * of the Bean Validation annotations on the same fields (Hibernate Validator's texts), so a
 * caller validating the models with their own Bean Validation sees the same judgement; absent
 * values break no rule but {@code required}.
 */
public final class Violations {

  /** What {@link #compare} answers for a text that is no number: it breaks every limit. */
  private static final int NOT_A_NUMBER = Integer.MIN_VALUE;

  private static final Pattern DATE_TIME = Pattern.compile(
      "^(\\d{4})-(\\d{2})-(\\d{2})(?: (\\d{2})[:-](\\d{2})(?::(\\d{2}))?)?$");
  // @Email as Hibernate Validator reads it: dot-separated atoms or quoted strings (escaping only
  // '"' and '\') before the last '@' (at most 64 characters), then a domain name of labels (at
  // most 255 characters once in ASCII, no trailing dot) or an address literal in brackets; an
  // IPv6 literal's digits are not checked further.
  private static final String ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+";
  private static final String QUOTED = "\"(?:[^\"\\\\\\x00-\\x1F\\x7F]|\\\\[\"\\\\])+\"";
  private static final Pattern LOCAL_PART = Pattern.compile("(?:" + ATOM + "|" + QUOTED + ")(?:\\.(?:"
      + ATOM + "|" + QUOTED + "))*", Pattern.CASE_INSENSITIVE);
  private static final String DOMAIN_CHAR = "[a-z\u0080-\uFFFF0-9!#$%&'*+/=?^_`{|}~]";
  private static final String LABEL = "(?:" + DOMAIN_CHAR + "-*)*" + DOMAIN_CHAR + "+";
  private static final Pattern DOMAIN = Pattern.compile(
      LABEL + "(?:\\." + LABEL + ")*|\\[[0-9]{1,3}(?:\\.[0-9]{1,3}){3}\\]|\\[IPv6:[0-9a-f:.]+\\]",
      Pattern.CASE_INSENSITIVE);

  private final List<String> problems;
  private final String prefix;

  public Violations() {
    this(new ArrayList<>(), "");
  }

  private Violations(List<String> problems, String prefix) {
    this.problems = problems;
    this.prefix = prefix;
  }

  /** The lines found so far, in the order found. */
  public List<String> problems() {
    return problems;
  }

  /** Required means a value: an empty text would reach the API as a missing parameter. */
  public void required(String field, Object value) {
    if (value == null) {
      add(field, "must not be null");
    } else if (value instanceof String && ((String) value).isBlank()) {
      add(field, "must not be empty");
    }
  }

  public void pattern(String field, Object value, Pattern pattern) {
    if (value instanceof CharSequence && !pattern.matcher((CharSequence) value).matches()) {
      add(field, "must match \"" + pattern.pattern() + "\"");
    }
  }

  /** A text's length, or the number of items of a list or map. */
  public void size(String field, Object value, int min, int max) {
    int size;
    if (value instanceof CharSequence) {
      size = ((CharSequence) value).length();
    } else if (value instanceof Collection) {
      size = ((Collection<?>) value).size();
    } else if (value instanceof Map) {
      size = ((Map<?, ?>) value).size();
    } else {
      return;
    }
    if (size < min || size > max) {
      add(field, "size must be between " + min + " and " + max);
    }
  }

  public void minimum(String field, Object value, String minimum, boolean inclusive) {
    Integer compared = compare(value, minimum);
    if (compared != null
        && (compared == NOT_A_NUMBER || (inclusive ? compared < 0 : compared <= 0))) {
      add(field, "must be greater than " + (inclusive ? "or equal to " : "") + minimum);
    }
  }

  public void maximum(String field, Object value, String maximum, boolean inclusive) {
    Integer compared = compare(value, maximum);
    if (compared != null
        && (compared == NOT_A_NUMBER || (inclusive ? compared > 0 : compared >= 0))) {
      add(field, "must be less than " + (inclusive ? "or equal to " : "") + maximum);
    }
  }

  /**
   * The value against the limit (-1, 0, 1), null when the rule does not apply. A text (a number
   * the contract also accepts as a string, kept as text in Java) is read as a decimal number, as
   * Bean Validation reads it.
   */
  private static Integer compare(Object value, String limit) {
    BigDecimal number;
    if (value instanceof BigDecimal) {
      number = (BigDecimal) value;
    } else if (value instanceof Number || value instanceof CharSequence) {
      try {
        number = new BigDecimal(value.toString());
      } catch (NumberFormatException notANumber) {
        return NOT_A_NUMBER;
      }
    } else {
      return null;
    }
    return number.compareTo(new BigDecimal(limit));
  }

  public void email(String field, Object value) {
    if (value instanceof String && !((String) value).isEmpty() && !isEmail((String) value)) {
      add(field, "must be a well-formed email address");
    }
  }

  private static boolean isEmail(String text) {
    int at = text.lastIndexOf('@');
    if (at < 0 || at > 64 || text.endsWith(".")) {
      return false;
    }
    String domain = text.substring(at + 1);
    try {
      if (java.net.IDN.toASCII(domain).length() > 255) {
        return false;
      }
    } catch (IllegalArgumentException notADomainName) {
      return false;
    }
    return LOCAL_PART.matcher(text.substring(0, at)).matches() && DOMAIN.matcher(domain).matches();
  }

  /**
   * A text in one of the contract's date forms ({@code yyyy-MM-dd}, with {@code HH:mm} or
   * {@code HH:mm:ss}) that is not a real date or time: the patterns check only digits.
   */
  public void text(String field, Object value) {
    String impossible = value instanceof String ? impossibleDate((String) value) : null;
    if (impossible != null) {
      add(field, impossible);
    }
  }

  static String impossibleDate(String value) {
    Matcher parts = DATE_TIME.matcher(value);
    if (!parts.matches()) {
      return null;
    }
    try {
      LocalDate.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)),
          Integer.parseInt(parts.group(3)));
      if (parts.group(4) != null) {
        LocalTime.of(Integer.parseInt(parts.group(4)), Integer.parseInt(parts.group(5)),
            parts.group(6) == null ? 0 : Integer.parseInt(parts.group(6)));
      }
      return null;
    } catch (DateTimeException notADate) {
      return "'" + value + "' is not a real date or time (" + notADate.getMessage() + ")";
    }
  }

  /** The rules of an object held by this one, or of each object of a list or map it holds. */
  public void nested(String field, Object value) {
    if (value instanceof Validatable) {
      ((Validatable) value).collectViolations(new Violations(problems, prefix + field + "."));
    } else if (value instanceof List) {
      List<?> items = (List<?>) value;
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof Validatable) {
          ((Validatable) items.get(i)).collectViolations(
              new Violations(problems, prefix + field + "[" + i + "]."));
        }
      }
    } else if (value instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (entry.getValue() instanceof Validatable) {
          ((Validatable) entry.getValue()).collectViolations(
              new Violations(problems, prefix + field + "[" + entry.getKey() + "]."));
        }
      }
    }
  }

  /**
   * Additional properties named like a declared field: the body would carry the key twice, and
   * the declared field's checks would not see the second value.
   */
  public void extras(Map<String, ?> extras, Set<String> declared) {
    if (extras == null) {
      return;
    }
    for (String key : extras.keySet()) {
      if (key != null && (declared.contains(key) || "additionalProperties".equals(key))) {
        add(key, "set through the declared field, not as an additional property");
      }
    }
  }

  /** The contract's {@code anyOf} of single required fields: at least one of them is set. */
  public void atLeastOne(Map<String, ?> fields, String... names) {
    if (Arrays.stream(names).allMatch(name -> fields.get(name) == null)) {
      add(String.join("/", names), "at least one of them is required");
    }
  }

  /** The contract's {@code not} of required fields: they are never all set at once. */
  public void notTogether(Map<String, ?> fields, String... names) {
    if (Arrays.stream(names).allMatch(name -> fields.get(name) != null)) {
      add(String.join("/", names), "cannot be combined, set only one of them");
    }
  }

  /**
   * The contract's {@code anyOf} of "{@code other} is not {@code value}" and "{@code field} is
   * set"; an enum compares by its wire value ({@code toString}).
   */
  public void requiredWhen(Map<String, ?> fields, String field, String other, String value) {
    Object set = fields.get(other);
    if (set != null && value.equals(set.toString()) && fields.get(field) == null) {
      add(field, "required when " + other + " is " + value);
    }
  }

  private void add(String field, String rule) {
    problems.add(prefix + field + ": " + rule);
  }
}
