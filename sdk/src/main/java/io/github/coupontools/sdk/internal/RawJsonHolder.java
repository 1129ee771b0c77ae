package io.github.coupontools.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/** Implemented by every generated model: the SDK hands it the JSON it was read from. */
public interface RawJsonHolder {

  /** Where {@code rawJson()} reads from; parsed only when asked. */
  void rawJsonSource(Supplier<JsonNode> source);
}
