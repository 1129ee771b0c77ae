package io.github.coupontools.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import io.github.coupontools.openapi.Spec;
import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.RequestOptions;
import io.github.coupontools.sdk.exception.CouponToolsException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SDK call of a contract operation, found by its operationId: the method of that name on one
 * of the client's generated services, called with the operation's first named request example.
 * Every derived contract test calls the SDK through here, so a new kind of operation is taught
 * to all of them in {@link #arguments}.
 */
final class SdkCalls {

  /** Reads a request example into the SDK's request model as a caller would build it. */
  static final ObjectMapper MODELS = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private SdkCalls() {}

  /** A client of the contract's credentials at this base URL, without retries. */
  static CouponToolsClient client(String baseUrl, String clientSecret) {
    return CouponToolsClient.builder()
        .clientId(SpecInteraction.CLIENT_ID)
        .clientSecret(clientSecret)
        .baseUrl(baseUrl)
        .maxRetries(0)
        .build();
  }

  /** Calls the SDK method named after the operationId with the first named request example. */
  static Object call(CouponToolsClient client, Spec.Operation operation) throws Exception {
    for (Object service : services(client)) {
      for (Method method : service.getClass().getMethods()) {
        // The overloads taking RequestOptions are the same call with per-call options.
        if (method.getName().equals(operation.operationId())
            && (method.getParameterCount() == 0
                || method.getParameterTypes()[method.getParameterCount() - 1]
                    != RequestOptions.class)) {
          try {
            return method.invoke(service, arguments(method, operation));
          } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause()
                : new IllegalStateException(e.getCause());
          }
        }
      }
    }
    throw new AssertionError("No SDK method " + operation.operationId() + "(...) on the client");
  }

  /**
   * The arguments of the SDK method for the operation: its path parameters from their contract
   * examples, optional query parameters left out, and its first named request example read into
   * the request model as the body.
   */
  static Object[] arguments(Method method, Spec.Operation operation) {
    Class<?>[] types = method.getParameterTypes();
    Object[] arguments = new Object[types.length];
    List<JsonNode> path = operation.pathParameters();
    for (int i = 0; i < path.size() && i < types.length; i++) {
      arguments[i] = MODELS.convertValue(path.get(i).path("example"), types[i]);
    }
    if (operation.hasRequestBody() && types.length > path.size()) {
      arguments[types.length - 1] = MODELS.convertValue(operation.firstRequestExample(),
          types[types.length - 1]);
    }
    return arguments;
  }

  /** The client's generated services: its groups and the webhook operations. */
  static List<Object> services(CouponToolsClient client) throws Exception {
    List<Object> services = new ArrayList<>();
    for (Method group : CouponToolsClient.class.getMethods()) {
      if (group.getParameterCount() == 0 && !Modifier.isStatic(group.getModifiers())
          && group.getReturnType().getPackageName().endsWith(".service")) {
        services.add(group.invoke(client));
      }
    }
    services.add(client.webhooks().service());
    return services;
  }

  /**
   * The request body the SDK sends for the operation's first named request example, captured by
   * a local server on 127.0.0.1.
   */
  static JsonNode bodyTheSdkSends(Spec.Operation operation) throws Exception {
    AtomicReference<byte[]> body = new AtomicReference<>();
    HttpServer capture = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    capture.createContext("/", exchange -> {
      body.set(exchange.getRequestBody().readAllBytes());
      byte[] ok = "{\"status\":{\"status\":\"OK\"}}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, ok.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(ok);
      }
    });
    capture.start();
    try (CouponToolsClient client = client("http://127.0.0.1:"
        + capture.getAddress().getPort(), SpecInteraction.CLIENT_SECRET)) {
      try {
        call(client, operation);
      } catch (CouponToolsException ignored) {
        // Only the request matters here; a minimal answer may not satisfy every response type.
      }
    } finally {
      capture.stop(0);
    }
    if (body.get() == null) {
      throw new AssertionError(operation + ": the SDK sent no request");
    }
    return MODELS.readTree(body.get());
  }
}
