package io.github.coupontools.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.coupontools.mock.CouponToolsMockExtension;
import io.github.coupontools.mock.PrismMock;
import io.github.coupontools.openapi.Spec;
import io.github.coupontools.sdk.exception.AuthenticationException;
import io.github.coupontools.sdk.exception.CouponToolsException;
import io.github.coupontools.sdk.exception.DeliveryException;
import io.github.coupontools.sdk.exception.InvalidParameterException;
import io.github.coupontools.sdk.exception.MissingParameterException;
import io.github.coupontools.sdk.exception.NotFoundException;
import io.github.coupontools.sdk.exception.SessionStateException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the contract, called through its SDK method against the mock: the success
 * example comes back as the typed response, field for field, and every documented error example
 * comes back as the exception of its error class with its codes and descriptions. Each test
 * runs on both transports: the default (Apache HttpClient 5) and {@link JerseyTransport}.
 */
@ExtendWith(CouponToolsMockExtension.class)
class OperationsAgainstMockTest {

  private static final Map<String, CouponToolsClient> CLIENTS = new LinkedHashMap<>();
  private static Client jaxRs;

  @BeforeAll
  static void connect(PrismMock mock) {
    jaxRs = ClientBuilder.newClient();
    CLIENTS.put("apache", builder(mock).build());
    CLIENTS.put("jersey", builder(mock).transport(JerseyTransport.using(jaxRs)).build());
  }

  private static CouponToolsClient.Builder builder(PrismMock mock) {
    return CouponToolsClient.builder().clientId(PrismMock.CLIENT_ID)
        .clientSecret(PrismMock.CLIENT_SECRET).baseUrl(mock.baseUrl()).maxRetries(0);
  }

  @AfterAll
  static void close() {
    CLIENTS.values().forEach(CouponToolsClient::close);
    CLIENTS.clear();
    jaxRs.close();
  }

  @TestFactory
  Stream<DynamicTest> everyOperationReturnsItsSuccessExampleAsTypedResponse() {
    return Spec.load().operations().stream().flatMap(operation ->
        operation.responseExamples().stream().filter(e -> e.status() == 200))
        .flatMap(example -> CLIENTS.entrySet().stream().map(transport ->
            dynamicTest(transport.getKey() + ": " + example, () -> {
          CouponToolsClient client = transport.getValue();
          Object response = call(client.withOptions(client.options().withHeader("Prefer",
              "code=200, example=" + example.name())), example.operation());
          WireView.assertReadCompletely(response, example.value());
        })));
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedErrorBecomesTheExceptionOfItsClass() {
    return Spec.load().operations().stream().flatMap(operation ->
        operation.responseExamples().stream().filter(e -> e.status() >= 400))
        .flatMap(example -> CLIENTS.entrySet().stream().map(transport ->
            dynamicTest(transport.getKey() + ": " + example, () -> {
          CouponToolsClient client = transport.getValue();
          CouponToolsClient preferring = client.withOptions(client.options().withHeader("Prefer",
              "code=" + example.status() + ", example=" + example.name()));
          CouponToolsException error = catchThrowableOfType(CouponToolsException.class,
              () -> call(preferring, example.operation()));

          // One legacy page puts errors beside status instead of inside it.
          JsonNode errors = example.value().path("status").has("errors")
              ? example.value().path("status").path("errors") : example.value().path("errors");
          List<Integer> codes = new ArrayList<>();
          errors.path("error_code").forEach(code -> codes.add(code.asInt()));
          if (errors.path("error_code").isInt()) {
            codes.add(errors.path("error_code").asInt());
          }
          assertThat(error).as("%s", example).isNotNull();
          assertThat(error.errorCodes()).as(error.getMessage()).isNotEmpty();
          assertThat(error.httpStatus()).isEqualTo(example.status());
          assertThat(error.errorCodes()).isEqualTo(codes);
          assertThat(error).isInstanceOf(expectedClass(codes.get(0)));
          errors.path("error_message_description").forEach(text ->
              assertThat(error.errorDescriptions()).contains(text.asText()));
          assertThat(error.getMessage()).contains(example.operation().operationId(),
              String.valueOf(codes.get(0)));
        })));
  }

  /** The documented error classes, written out independently of ErrorClassifier. */
  private static Class<? extends CouponToolsException> expectedClass(int code) {
    if (code == 1000 || code / 100 == 1) {
      return AuthenticationException.class;
    }
    switch (code / 100) {
      case 2: return MissingParameterException.class;
      case 3: return code >= 350 ? SessionStateException.class : InvalidParameterException.class;
      case 4: return InvalidParameterException.class;
      case 5: return NotFoundException.class;
      case 6: return DeliveryException.class;
      default: throw new AssertionError("undocumented error class " + code);
    }
  }

  /**
   * Calls the SDK method named after the operationId: the path parameters from their examples in
   * the contract, optional query parameters left out, and the operation's first request example
   * as the body.
   */
  static Object call(CouponToolsClient client, Spec.Operation operation) throws Exception {
    ObjectMapper mapper = CouponToolsClient.newObjectMapper();
    List<JsonNode> pathParameters = operation.pathParameters();
    for (Object api : Services.of(client)) {
      for (Method method : api.getClass().getMethods()) {
        Class<?>[] types = method.getParameterTypes();
        if (!method.getName().equals(operation.operationId())
            || types.length > 0 && types[types.length - 1] == RequestOptions.class) {
          continue;
        }
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < pathParameters.size(); i++) {
          arguments[i] = mapper.convertValue(pathParameters.get(i).path("example"), types[i]);
        }
        if (operation.hasRequestBody() && types.length > pathParameters.size()) {
          int last = types.length - 1;
          arguments[last] = mapper.convertValue(operation.firstRequestExample(), types[last]);
        }
        try {
          return method.invoke(api, arguments);
        } catch (InvocationTargetException e) {
          throw (Exception) e.getCause();
        }
      }
    }
    throw new AssertionError("No SDK method for operation " + operation.operationId());
  }
}
