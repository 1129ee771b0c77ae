package io.github.coupontools.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.coupontools.openapi.Spec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code mock-server/proxy} with {@code STRICT=1} (Prism 5.14.2 {@code proxy --errors}) in front
 * of a local stand-in for the real API: responses that follow the contract pass through
 * unchanged, a response that violates it becomes a 500 problem+json listing the violation, and a
 * request that violates it is answered by Prism itself and never reaches the upstream.
 */
class ValidatingProxyTest {

  private static final String PROBLEM_TYPES = "https://stoplight.io/prism/errors#";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private static Spec spec;
  private static Spec.Operation listCoupons;
  private static HttpServer upstream;
  private static final AtomicReference<String> UPSTREAM_BODY = new AtomicReference<>();
  private static final AtomicInteger UPSTREAM_HITS = new AtomicInteger();
  private static Process proxy;
  private static Path proxyLog;
  private static URI proxyUrl;
  private static HttpClient http;

  @BeforeAll
  static void startUpstreamAndProxy() throws Exception {
    spec = Spec.load();
    listCoupons = spec.operation("listCoupons");
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext(listCoupons.path(), exchange -> {
      UPSTREAM_HITS.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      byte[] body = UPSTREAM_BODY.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    upstream.start();

    int port = freePort();
    proxyUrl = URI.create("http://127.0.0.1:" + port);
    proxyLog = Files.createTempFile("coupontools-proxy-", ".log");
    ProcessBuilder builder = new ProcessBuilder(
        Paths.get("proxy").toAbsolutePath().toString())
        .redirectErrorStream(true)
        .redirectOutput(proxyLog.toFile());
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("COUPONTOOLS_SPEC", Spec.file().toString());
    builder.environment().put("UPSTREAM", "http://127.0.0.1:" + upstream.getAddress().getPort());
    builder.environment().put("STRICT", "1");
    builder.environment().put("PRISM_LOG_LEVEL", "warn");
    builder.environment().put("COUPONTOOLS_SPEC", spec.path().toString());
    proxy = builder.start();
    awaitReady(port);
  }

  @AfterAll
  static void stopProxyAndUpstream() throws Exception {
    try {
      if (proxy != null) {
        List<ProcessHandle> children = new ArrayList<>();
        proxy.descendants().forEach(children::add);
        proxy.destroy();
        if (!proxy.waitFor(5, TimeUnit.SECONDS)) {
          proxy.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
      }
    } finally {
      if (upstream != null) {
        upstream.stop(0);
      }
      if (proxyLog != null) {
        Files.deleteIfExists(proxyLog);
      }
    }
  }

  @BeforeEach
  void resetUpstream() {
    UPSTREAM_HITS.set(0);
    UPSTREAM_BODY.set(Spec.text(successExample()));
  }

  @Test
  @DisplayName("a response that follows the contract passes through: 200, same body, no"
      + " sl-violations")
  void passesAValidResponseThrough() throws Exception {
    HttpResponse<String> answer = post(listCoupons.firstRequestExample(), true);

    assertThat(answer.statusCode()).as("%s", describe(answer)).isEqualTo(200);
    assertThat(answer.body()).isEqualTo(UPSTREAM_BODY.get());
    assertThat(answer.headers().firstValue("sl-violations")).as("sl-violations").isEmpty();
    assertThat(UPSTREAM_HITS.get()).as("requests that reached the upstream").isEqualTo(1);
  }

  @Test
  @DisplayName("STRICT=1: a response violating the contract becomes 500 problem+json VIOLATIONS,"
      + " listing the violation in the body and in sl-violations")
  void turnsAViolatingResponseIntoAProblem500() throws Exception {
    ObjectNode violating = successExample().deepCopy();
    violating.put("amount_of_campaigns", 1);
    UPSTREAM_BODY.set(Spec.text(violating));

    HttpResponse<String> answer = post(listCoupons.firstRequestExample(), true);

    assertThat(answer.statusCode()).as("%s", describe(answer)).isEqualTo(500);
    assertThat(UPSTREAM_HITS.get()).as("requests that reached the upstream").isEqualTo(1);
    assertThat(answer.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonNode problem = Spec.json(answer.body());
    assertThat(problem.path("type").asText()).isEqualTo(PROBLEM_TYPES + "VIOLATIONS");
    assertThat(problem.path("status").asInt()).isEqualTo(500);
    JsonNode expectedViolation = Spec.json("{\"location\":[\"response\",\"body\","
        + "\"amount_of_campaigns\"],\"severity\":\"Error\",\"code\":\"type\",\"message\":"
        + "\"Response body property amount_of_campaigns must be string\"}");
    assertThat(problem.path("validation")).as("validation of %s", problem)
        .containsExactly(expectedViolation);
    assertThat(answer.headers().firstValue("sl-violations")).as("sl-violations")
        .hasValueSatisfying(header -> assertThat(Spec.json(header))
            .containsExactly(expectedViolation));
  }

  @Test
  @DisplayName("STRICT=1: a request violating the contract gets Prism's 422 problem+json"
      + " UNPROCESSABLE_ENTITY (not the spec's 422 example) and is not forwarded")
  void rejectsAViolatingRequestWithoutForwardingIt() throws Exception {
    ObjectNode invalid = Spec.JSON.createObjectNode().put("only_active", "yes");

    HttpResponse<String> answer = post(invalid, true);

    assertThat(answer.statusCode()).as("%s", describe(answer)).isEqualTo(422);
    assertThat(UPSTREAM_HITS.get()).as("requests that reached the upstream").isZero();
    assertThat(answer.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonNode problem = Spec.json(answer.body());
    assertThat(problem.path("type").asText()).isEqualTo(PROBLEM_TYPES + "UNPROCESSABLE_ENTITY");
    assertThat(problem.path("validation")).anySatisfy(v -> {
      assertThat(v.path("code").asText()).isEqualTo("type");
      assertThat(v.path("location").toString()).contains("only_active");
    });
  }

  @Test
  @DisplayName("STRICT=1: a request without credentials gets Prism's 401 problem+json"
      + " UNAUTHORIZED (not the documented 1000 body) and is not forwarded")
  void rejectsARequestWithoutCredentialsWithoutForwardingIt() throws Exception {
    HttpResponse<String> answer = post(listCoupons.firstRequestExample(), false);

    assertThat(answer.statusCode()).as("%s", describe(answer)).isEqualTo(401);
    assertThat(UPSTREAM_HITS.get()).as("requests that reached the upstream").isZero();
    assertThat(answer.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(Spec.json(answer.body()).path("type").asText())
        .isEqualTo(PROBLEM_TYPES + "UNAUTHORIZED");
  }

  private static JsonNode successExample() {
    return listCoupons.response(200).orElseThrow().examples().values().iterator().next();
  }

  private static HttpResponse<String> post(JsonNode body, boolean credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create(proxyUrl + listCoupons.path()))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Spec.text(body)));
    if (credentials) {
      request.header("X-Client-Id", PrismMock.CLIENT_ID)
          .header("X-Client-Secret", PrismMock.CLIENT_SECRET);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String describe(HttpResponse<String> answer) {
    return "body " + answer.body() + ", sl-violations "
        + answer.headers().firstValue("sl-violations").orElse("(none)") + ", proxy log:"
        + System.lineSeparator() + log();
  }

  private static String log() {
    try {
      return Files.readString(proxyLog);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static void awaitReady(int port) throws InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!proxy.isAlive()) {
        throw new IllegalStateException("mock-server/proxy exited with code "
            + proxy.exitValue() + " before it was ready:" + System.lineSeparator() + log());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("mock-server/proxy did not answer on port " + port
        + " within " + READY_TIMEOUT.toSeconds() + " s:" + System.lineSeparator() + log());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on 127.0.0.1", e);
    }
  }
}
