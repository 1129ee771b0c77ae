package io.github.coupontools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local server every client of a benchmark talks to: the JDK's HTTP server on 127.0.0.1 and
 * a free port, answering each operation with its documented {@code success} example, read from
 * the contract the mock artifact carries, as prepared bytes. Its cost is the same for every
 * client. {@code /v3/campaign/data} instead serves {@link #sessions(int)} sessions in pages of
 * {@value #PAGE_SIZE}, made from the example session with a unique session code each.
 *
 * <p>Needs {@code -Dsun.net.httpserver.nodelay=true} (set here before the server's classes
 * load, and by {@code bench/run} on every JVM): without it each exchange waits for a delayed ACK.
 */
public final class ExampleServer implements AutoCloseable {

  /** Sessions per page of {@code campaign/data}. */
  public static final int PAGE_SIZE = 100;
  /** Client credentials the benchmarks send (the server does not check them). */
  public static final String CLIENT_ID = "bench-client-id";
  public static final String CLIENT_SECRET = "bench-client-secret";

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final String SPEC = "/io/github/coupontools/openapi/coupontools.yaml";
  private static final byte[] NOT_FOUND = "{\"status\":{\"status\":\"failed\"}}"
      .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, byte[]> examples;
  private final String pagePrefix;
  private final String sessionBefore;
  private final String sessionAfter;
  private volatile int sessions = 100_000;
  private final ObjectMapper json = new ObjectMapper();

  private ExampleServer(Map<String, byte[]> examples) throws IOException {
    this.examples = examples;
    // A page: the documented envelope of campaign/data with its one session repeated.
    ObjectNode page = (ObjectNode) json.readTree(examples.get("/v3/campaign/data"));
    JsonNode session = page.path("data").path(0);
    String sessionJson = json.writeValueAsString(session);
    String code = session.path("session").asText();
    int at = sessionJson.indexOf(code);
    sessionBefore = sessionJson.substring(0, at);
    sessionAfter = sessionJson.substring(at + code.length());
    page.remove("data");
    String envelope = json.writeValueAsString(page);
    pagePrefix = envelope.substring(0, envelope.length() - 1) + ",\"data\":[";

    AtomicInteger threads = new AtomicInteger();
    executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "example-server-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a server on 127.0.0.1 and a free port. */
  public static ExampleServer start() {
    try {
      return new ExampleServer(successExamples());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Base URL, {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** How many sessions {@code campaign/data} serves in total (default 100 000). */
  public void sessions(int total) {
    this.sessions = total;
  }

  /** The documented success example of the operation at this path. */
  public byte[] example(String path) {
    return examples.get(path);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] request;
      try (InputStream in = exchange.getRequestBody()) {
        request = in.readAllBytes();
      }
      String path = exchange.getRequestURI().getPath();
      byte[] body = "/v3/campaign/data".equals(path) ? page(request) : examples.get(path);
      int status = 200;
      if (body == null || !"POST".equals(exchange.getRequestMethod())) {
        status = 404;
        body = NOT_FOUND;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** One page of sessions: page numbers start at 1; past the last one the page is empty. */
  private byte[] page(byte[] request) throws IOException {
    int page = json.readTree(request).path("page").asInt(1);
    int first = (Math.max(page, 1) - 1) * PAGE_SIZE;
    int last = Math.min(first + PAGE_SIZE, sessions);
    StringBuilder out = new StringBuilder(pagePrefix.length() + PAGE_SIZE
        * (sessionBefore.length() + sessionAfter.length() + 24) + 2).append(pagePrefix);
    for (int i = first; i < last; i++) {
      if (i > first) {
        out.append(',');
      }
      out.append(sessionBefore).append("s").append(1_000_000_000L + i).append(sessionAfter);
    }
    return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Path to the JSON of the operation's documented {@code success} example (HTTP 200). */
  static Map<String, byte[]> successExamples() throws IOException {
    JsonNode spec;
    try (InputStream in = ExampleServer.class.getResourceAsStream(SPEC)) {
      if (in == null) {
        throw new IllegalStateException("The contract " + SPEC + " is not on the class path");
      }
      spec = new YAMLMapper().readTree(in);
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, byte[]> examples = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode ok = resolve(spec, path.getValue().path("post").path("responses").path("200"));
      JsonNode success = resolve(spec,
          ok.path("content").path("application/json").path("examples").path("success"));
      if (success.has("value")) {
        examples.put(path.getKey(), json.writeValueAsBytes(success.get("value")));
      }
    }
    return examples;
  }

  private static JsonNode resolve(JsonNode spec, JsonNode node) {
    while (node.has("$ref")) {
      node = spec.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
