package io.github.coupontools.sdk.internal;

import io.github.coupontools.sdk.exception.RequestValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The path and query of one call from the operation's path template and the parameter values the
 * service method received. Each path value is checked (present, not blank, not a dot segment) and
 * percent-encoded as exactly one path segment, so no value (a {@code /}, {@code ..}, {@code ?} or
 * {@code #} in an ID) can change which resource the request goes to.
 */
final class PathAndQuery {

  private PathAndQuery() {}

  /** For example {@code /v4/directory/12%2F3/users} for the value {@code 12/3}. */
  static String of(Operation<?, ?> operation, Object[] values) {
    List<Operation.Parameter> parameters = operation.parameters();
    if (values == null || values.length != parameters.size()) {
      throw new IllegalArgumentException(operation.operationId() + " takes "
          + parameters.size() + " parameter values, got "
          + (values == null ? "none" : values.length));
    }
    String path = operation.path();
    StringBuilder query = new StringBuilder();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      Operation.Parameter parameter = parameters.get(i);
      Object value = values[i];
      if (value == null) {
        if (parameter.required()) {
          problems.add(parameter.name() + ": is required");
        }
        continue;
      }
      if (parameter.inPath()) {
        String text = String.valueOf(value);
        if (text.isBlank()) {
          problems.add(parameter.name() + ": must not be empty");
        } else if (text.equals(".") || text.equals("..")) {
          // Even encoded, servers and proxies may resolve a dot segment against the path.
          problems.add(parameter.name() + ": '" + text + "' is not an ID");
        } else {
          path = path.replace("{" + parameter.name() + "}", encode(text));
        }
      } else if (parameter.deepObject() && value instanceof Map) {
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          if (entry.getValue() != null) {
            pair(query, parameter.name() + "[" + entry.getKey() + "]",
                String.valueOf(entry.getValue()));
          }
        }
      } else {
        pair(query, parameter.name(), String.valueOf(value));
      }
    }
    if (!problems.isEmpty()) {
      throw new RequestValidationException("Invalid " + operation.operationId()
          + " request, not sent: " + String.join("; ", problems), problems);
    }
    return query.length() == 0 ? path : path + "?" + query;
  }

  private static void pair(StringBuilder query, String name, String value) {
    query.append(query.length() == 0 ? "" : "&").append(encode(name)).append('=')
        .append(encode(value));
  }

  /** Percent-encodes every byte except the RFC 3986 unreserved characters. */
  static String encode(String text) {
    StringBuilder encoded = new StringBuilder(text.length() + 8);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return encoded.toString();
  }
}
