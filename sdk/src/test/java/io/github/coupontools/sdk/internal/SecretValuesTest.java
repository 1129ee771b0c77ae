package io.github.coupontools.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coupontools.openapi.Spec;
import io.github.coupontools.sdk.model.CreateSubaccountSsoTokenResponse;
import io.github.coupontools.sdk.model.DirectoryUserSsoToken;
import io.github.coupontools.sdk.model.GetSubaccountResponse;
import io.github.coupontools.sdk.model.ListCouponsResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecretValuesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everyPasswordOfTheContractIsKeptOutOfTheBodyOfAnException() throws Exception {
    Map<String, String> passwords = new TreeMap<>();
    JsonNode schemas = Spec.load().root().path("components").path("schemas");
    for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
      for (Map.Entry<String, JsonNode> property : schema.getValue().path("properties").properties()) {
        if ("password".equals(property.getValue().path("format").asText())) {
          passwords.put(schema.getKey() + "." + property.getKey(), property.getKey());
        }
      }
    }
    assertThat(passwords).as("the contract's secrets").hasSizeGreaterThanOrEqualTo(9);

    for (Map.Entry<String, String> password : passwords.entrySet()) {
      String model = password.getKey().substring(0, password.getKey().indexOf('.'));
      Pattern secrets = SecretValues.patternFor(MAPPER, MAPPER.constructType(
          Class.forName("io.github.coupontools.sdk.model." + model))).orElseThrow();
      assertThat(SecretValues.redact(secrets, "{\"" + password.getValue() + "\":\"s3cr3t\"}"))
          .as(password.getKey()).isEqualTo("{\"" + password.getValue() + "\":\"[REDACTED]\"}");
    }
  }

  @Test
  void findsTheSecretsOfTheModelsAnAnswerContains() {
    String subaccount = "{\"status\":{\"status\":\"OK\"},\"subaccount\":{\"ID\":\"sub_1\","
        + "\"api_key\":\"key-1\",\"api_secret\" :\t\"secret-1\"}}";

    assertThat(redact(GetSubaccountResponse.class, subaccount)).isEqualTo(
        "{\"status\":{\"status\":\"OK\"},\"subaccount\":{\"ID\":\"sub_1\","
            + "\"api_key\":\"[REDACTED]\",\"api_secret\" :\t\"[REDACTED]\"}}");
    assertThat(redact(CreateSubaccountSsoTokenResponse.class,
        "{\"subaccount\":{\"token\":\"t\",\"url\":\"u\",\"url_whitelabel\":\"w\",\"ID\":\"sub_1\"}}"))
        .isEqualTo("{\"subaccount\":{\"token\":\"[REDACTED]\",\"url\":\"[REDACTED]\","
            + "\"url_whitelabel\":\"[REDACTED]\",\"ID\":\"sub_1\"}}");
  }

  @Test
  void redactsWholeValuesWithEscapedQuotesAndLeavesOtherValuesAlone() {
    assertThat(redact(DirectoryUserSsoToken.class,
        "{\"token\":\"a\\\"b\\\\\",\"url\":\"\",\"note\":\"token\",\"id\":\"url\"}"))
        .isEqualTo("{\"token\":\"[REDACTED]\",\"url\":\"[REDACTED]\",\"note\":\"token\","
            + "\"id\":\"url\"}");
  }

  @Test
  void anAnswerWithoutSecretsHasNoPattern() {
    assertThat(SecretValues.patternFor(MAPPER, MAPPER.constructType(ListCouponsResponse.class)))
        .isEmpty();
    assertThat(SecretValues.patternFor(MAPPER, MAPPER.getTypeFactory()
        .constructCollectionType(List.class, DirectoryUserSsoToken.class))).isPresent();
  }

  private static String redact(Class<?> type, String body) {
    return SecretValues.redact(
        SecretValues.patternFor(MAPPER, MAPPER.constructType(type)).orElseThrow(), body);
  }
}
