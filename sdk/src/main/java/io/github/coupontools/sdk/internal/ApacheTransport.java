package io.github.coupontools.sdk.internal;

import io.github.coupontools.sdk.Transport;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.CookieSpecFactory;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The default transport: Apache HttpClient 5, used directly (a JAX-RS layer cost more per call
 * than the HTTP exchange itself; see bench/). Redirects are never followed.
 */
public final class ApacheTransport implements Transport {

  /** Connections kept per client: enough for many threads sharing one client. */
  private static final int MAX_CONNECTIONS = 64;
  private static final ContentType JSON = ContentType.create("application/json");
  private static final byte[] NO_BODY = new byte[0];
  /** What the JDK's default proxy selector reads. */
  private static final java.util.List<String> PROXY_PROPERTIES = java.util.List.of(
      "http.proxyHost", "https.proxyHost", "socksProxyHost", "ftp.proxyHost");

  private final CloseableHttpClient http;
  private final boolean owned;
  private volatile Timeouts lastConfig;

  private ApacheTransport(CloseableHttpClient http, boolean owned) {
    this.http = http;
    this.owned = owned;
  }

  /**
   * The SDK's own pool: keep-alive connections for many threads, the JVM's proxy settings
   * ({@code http(s).proxyHost}, {@code http.nonProxyHosts}, through the default
   * {@link ProxySelector}), no cookies, no redirects, no automatic re-sending (retries are the
   * invoker's: a POST must not be re-sent behind its back), and connections that never log
   * headers ({@link QuietConnection}).
   */
  public static ApacheTransport createDefault() {
    PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnTotal(MAX_CONNECTIONS)
        .setMaxConnPerRoute(MAX_CONNECTIONS)
        .setConnectionFactory(QuietConnection.FACTORY)
        // TLS starts on the first https connection, not when the client is built: the JDK's TLS
        // stack and trust store (some 300 classes) would otherwise slow every start (bench/).
        .setTlsSocketStrategy(new LazyTls())
        // Checks a connection idle for a while before reuse: a server that closed it first
        // would otherwise fail the next POST, which is not retried for create/send calls.
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setValidateAfterInactivity(TimeValue.ofMilliseconds(500)).build())
        .build();
    CloseableHttpClient http = HttpClients.custom()
        .setConnectionManager(pool)
        .setRoutePlanner(routePlanner())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        // Without cookies no cookie rules are needed: the default ones load the public suffix
        // list at build time. The invoker sends the SDK's own User-Agent.
        .setDefaultCookieSpecRegistry(RegistryBuilder.<CookieSpecFactory>create().build())
        .disableDefaultUserAgent()
        .build();
    return new ApacheTransport(http, true);
  }

  /**
   * Direct connections when the JVM names no proxy, without asking the proxy selector per
   * request (a cost in every call); otherwise the JVM's proxy selector. The settings are those in
   * effect when the client is built.
   */
  private static HttpRoutePlanner routePlanner() {
    ProxySelector selector = ProxySelector.getDefault();
    boolean jdkDefault = selector != null
        && "sun.net.spi.DefaultProxySelector".equals(selector.getClass().getName());
    boolean proxyNamed = Boolean.getBoolean("java.net.useSystemProxies")
        || PROXY_PROPERTIES.stream().anyMatch(key -> System.getProperty(key) != null);
    return jdkDefault && !proxyNamed ? new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE)
        : new SystemDefaultRoutePlanner(selector);
  }

  /**
   * A caller's client (proxy, TLS, pool of their choice); the caller closes it. The SDK still
   * sets the timeouts of each request and follows no redirect on its own.
   */
  public static ApacheTransport using(CloseableHttpClient http) {
    return new ApacheTransport(http, false);
  }

  /**
   * The request configuration for these timeouts, set per request as views with other options
   * share the pool; the last one is kept, as nearly every call of a client has the same.
   */
  @SuppressWarnings("deprecation") // the per-request connect timeout
  private RequestConfig config(Duration connect, Duration read) {
    Timeouts last = lastConfig;
    if (last == null || !last.connect.equals(connect) || !last.read.equals(read)) {
      last = new Timeouts(connect, read, RequestConfig.custom()
          .setConnectTimeout(Timeout.ofMilliseconds(connect.toMillis()))
          .setResponseTimeout(Timeout.ofMilliseconds(read.toMillis()))
          .setRedirectsEnabled(false)
          .build());
      lastConfig = last;
    }
    return last.config;
  }

  private static final class Timeouts {
    final Duration connect;
    final Duration read;
    final RequestConfig config;

    Timeouts(Duration connect, Duration read, RequestConfig config) {
      this.connect = connect;
      this.read = read;
      this.config = config;
    }
  }

  @Override
  public Response send(Request request) throws IOException {
    HttpUriRequestBase http = new HttpUriRequestBase(request.method(), request.uri());
    http.setConfig(config(request.connectTimeout(), request.readTimeout()));
    for (Map.Entry<String, String> header : request.headers()) {
      http.setHeader(header.getKey(), header.getValue());
    }
    request.body().ifPresent(body -> http.setEntity(new ByteArrayEntity(body, JSON)));
    long deadline = System.nanoTime() + request.readTimeout().toNanos();
    // The whole body is read inside the handler; the connection then goes back to the pool
    // (or is closed if reading failed).
    return this.http.execute(http, response -> {
      Map<String, String> headers = new HashMap<>();
      for (Header header : response.getHeaders()) {
        headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
      }
      HttpEntity entity = response.getEntity();
      if (entity == null) {
        return new Response(response.getCode(), headers, NO_BODY);
      }
      try {
        java.io.InputStream content = entity.getContent();
        byte[] body = content == null ? NO_BODY
            : BoundedBody.read(content, request.maxBodyBytes(), deadline,
                entity.getContentLength());
        return new Response(response.getCode(), headers, body);
      } catch (IOException | RuntimeException failed) {
        // Drops the connection: releasing it would first read the rest of a hostile body.
        http.cancel();
        throw failed;
      }
    });
  }

  @Override
  public void close() {
    if (owned) {
      http.close(CloseMode.GRACEFUL);
    }
  }

  /** The default TLS of Apache HttpClient, made on first use. */
  private static final class LazyTls implements TlsSocketStrategy {
    private final Lazy<TlsSocketStrategy> tls = new Lazy<>(DefaultClientTlsStrategy::createDefault);

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment,
        HttpContext context) throws IOException {
      return tls.get().upgrade(socket, target, port, attachment, context);
    }
  }

  @Override
  public String toString() {
    return "ApacheTransport[" + (owned ? "own pool" : "caller's client") + "]";
  }
}
