package io.github.coupontools.sdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.coupontools.sdk.internal.RawJsonHolder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The answer of a v4 call whose body is not documented (the contract's {@code V4Answer}, for
 * example of {@code revokeDirectoryAccess}): every key the API sends, and the JSON itself.
 * Written by hand and mapped by the generator's {@code schemaMappings}, because the generator
 * makes no class for an object schema without properties (the answer would be a bare
 * {@code Object}).
 */
public class V4Answer implements RawJsonHolder {

  private transient Supplier<JsonNode> rawJson;
  private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

  /** The JSON this answer was read from (an empty body reads as {@code {}}), if it was read. */
  public Optional<JsonNode> rawJson() {
    return rawJson == null ? Optional.empty() : Optional.of(rawJson.get());
  }

  @Override
  public void rawJsonSource(Supplier<JsonNode> source) {
    this.rawJson = source;
  }

  /** Every key of the answer; none is documented. */
  @JsonAnyGetter
  public Map<String, Object> getAdditionalProperties() {
    return additionalProperties;
  }

  @JsonAnySetter
  public V4Answer putAdditionalProperty(String key, Object value) {
    additionalProperties.put(key, value);
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof V4Answer
        && additionalProperties.equals(((V4Answer) other).additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(additionalProperties);
  }

  @Override
  public String toString() {
    return "class V4Answer {\n    additionalProperties: " + additionalProperties + "\n}";
  }
}
