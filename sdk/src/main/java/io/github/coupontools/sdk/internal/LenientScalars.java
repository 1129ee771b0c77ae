package io.github.coupontools.sdk.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Reads the API's string-encoded scalars (the contract's {@code Wire*} schemas) into Java types,
 * never failing the response: {@code ""} and any value that does not parse read as absent (null),
 * and the value stays in the model's {@code rawJson()}.
 *
 * <ul>
 *   <li>{@code type: integer} fields (sent as numbers or digit strings): {@link Integer}</li>
 *   <li>{@code WireFlag} {@code "1"}/{@code "0"} (also {@code true}/{@code false}, 1/0): {@link Boolean}</li>
 *   <li>{@code WireInteger} {@code "19878460"}: {@link Long} (sequence IDs outgrow {@code int})</li>
 *   <li>{@code WireDecimal} {@code "12.500"}: {@link BigDecimal} (scale kept)</li>
 *   <li>{@code WireDate} {@code "1980-01-01"}: {@link LocalDate}</li>
 *   <li>{@code WireDateTime} {@code "2022-01-14 10:40:38"}, zone not documented: {@link LocalDateTime}</li>
 *   <li>{@code WireUtcDateTime} {@code "2019-03-25 10:44:05"}, documented as UTC: {@link Instant}</li>
 * </ul>
 */
public final class LenientScalars {

  /** {@code yyyy-MM-dd HH:mm:ss}, also accepting ISO's {@code T}. */
  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .toFormatter();

  private LenientScalars() {}

  /** The deserializers, for the SDK's mapper. */
  public static SimpleModule module() {
    SimpleModule module = new SimpleModule("coupontools-lenient-scalars");
    module.addDeserializer(Integer.class, new Text<>(Integer.class, Integer::valueOf));
    module.addDeserializer(Long.class, new Text<>(Long.class, Long::valueOf));
    module.addDeserializer(BigDecimal.class, new Text<>(BigDecimal.class, BigDecimal::new));
    module.addDeserializer(LocalDate.class, new Text<>(LocalDate.class, LocalDate::parse));
    module.addDeserializer(LocalDateTime.class,
        new Text<>(LocalDateTime.class, text -> LocalDateTime.parse(text, DATE_TIME)));
    module.addDeserializer(Instant.class, new Text<>(Instant.class, LenientScalars::instant));
    return module;
  }

  /** UTC wall time as the API writes it, or an ISO instant with its offset. */
  static Instant instant(String text) {
    try {
      return LocalDateTime.parse(text, DATE_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notLocal) {
      return Instant.parse(text);
    }
  }

  /** Reads a scalar from its text; null for empty or unreadable text, or a non-scalar. */
  private static final class Text<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final Function<String, T> parse;

    Text(Class<T> type, Function<String, T> parse) {
      this.type = type;
      this.parse = parse;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        parser.skipChildren();
        return null;
      }
      if (!token.isScalarValue()) {
        return null;
      }
      String text = parser.getValueAsString();
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return parse.apply(text.trim());
      } catch (RuntimeException unreadable) {
        return null;
      }
    }

    @Override
    public Class<?> handledType() {
      return type;
    }
  }
}
