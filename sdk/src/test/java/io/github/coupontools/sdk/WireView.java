package io.github.coupontools.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coupontools.sdk.internal.RawJsonHolder;
import java.util.Iterator;
import java.util.Map;

/** Checks that a typed model read every field of the JSON it came from and kept that JSON. */
final class WireView {

  private static final ObjectMapper MAPPER = CouponToolsClient.newObjectMapper();

  private WireView() {}

  /**
   * The model's {@code rawJson()} is the JSON exactly, and every value of the JSON other than
   * {@code ""} has a non-null counterpart at the same place in the typed model.
   */
  static void assertReadCompletely(Object model, JsonNode json) throws Exception {
    if (model instanceof java.util.List) {
      // A bare JSON array answer (v4): each element is a model with its own element's JSON.
      java.util.List<?> items = (java.util.List<?>) model;
      assertThat(json.isArray()).as("a list was read from %s", json).isTrue();
      assertThat(items).hasSize(json.size());
      for (int i = 0; i < items.size(); i++) {
        assertReadCompletely(items.get(i), json.get(i));
      }
      return;
    }
    assertThat(model).isInstanceOf(RawJsonHolder.class);
    JsonNode raw = ((java.util.Optional<?>) model.getClass().getMethod("rawJson").invoke(model))
        .map(JsonNode.class::cast).orElse(null);
    assertThat(raw).as("rawJson()").isEqualTo(json);
    compare(json, MAPPER.valueToTree(model), "");
  }

  private static void compare(JsonNode expected, JsonNode typed, String path) {
    if (expected.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        compare(field.getValue(), typed.path(field.getKey()), path + "/" + field.getKey());
      }
    } else if (expected.isArray()) {
      assertThat(typed.size()).as(path).isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        compare(expected.get(i), typed.path(i), path + "/" + i);
      }
    } else if (!(expected.isTextual() && expected.asText().isEmpty()) && !expected.isNull()) {
      assertThat(typed.isMissingNode() || typed.isNull())
          .as("%s = %s was not read into the typed model", path, expected).isFalse();
    }
  }
}
