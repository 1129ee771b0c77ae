package io.github.coupontools.sdk.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Reads booleans the way the API sends them: {@code true}, {@code "true"}, {@code 1} or
 * {@code "1"} (and their opposites); anything else reads as absent rather than failing the
 * response.
 */
public final class LenientBooleans extends JsonDeserializer<Boolean> {

  private LenientBooleans() {}

  public static SimpleModule module() {
    SimpleModule module = new SimpleModule("coupontools-lenient-booleans");
    module.addDeserializer(Boolean.class, new LenientBooleans());
    module.addDeserializer(boolean.class, new LenientBooleans());
    return module;
  }

  @Override
  public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      parser.skipChildren();
      return null;
    }
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return parser.getBooleanValue();
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return parser.getIntValue() != 0;
    }
    String text = parser.getValueAsString("").trim();
    if (text.equals("1") || text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (text.equals("0") || text.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    // Empty, or a value the contract does not name: absent, and kept in the model's rawJson().
    return null;
  }
}
