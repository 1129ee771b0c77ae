package io.github.coupontools.sdk.internal;

import io.github.coupontools.sdk.Transport;
import java.io.IOException;
import java.net.ProxySelector;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
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

  private final CloseableHttpClient http;
  private final boolean owned;

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
        // Checks a connection idle for a while before reuse: a server that closed it first
        // would otherwise fail the next POST, which is not retried for create/send calls.
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setValidateAfterInactivity(TimeValue.ofMilliseconds(500)).build())
        .build();
    CloseableHttpClient http = HttpClients.custom()
        .setConnectionManager(pool)
        .setRoutePlanner(new SystemDefaultRoutePlanner(ProxySelector.getDefault()))
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .build();
    return new ApacheTransport(http, true);
  }

  /**
   * A caller's client (proxy, TLS, pool of their choice); the caller closes it. The SDK still
   * sets the timeouts of each request and follows no redirect on its own.
   */
  public static ApacheTransport using(CloseableHttpClient http) {
    return new ApacheTransport(http, false);
  }

  @Override
  @SuppressWarnings("deprecation") // per request, as views with other options share the pool
  public Response send(Request request) throws IOException {
    HttpUriRequestBase http = new HttpUriRequestBase(request.method(), request.uri());
    http.setConfig(RequestConfig.custom()
        .setConnectTimeout(Timeout.ofMilliseconds(request.connectTimeout().toMillis()))
        .setResponseTimeout(Timeout.ofMilliseconds(request.readTimeout().toMillis()))
        .setRedirectsEnabled(false)
        .build());
    for (Map.Entry<String, String> header : request.headers()) {
      http.setHeader(header.getKey(), header.getValue());
    }
    if (request.body() != null) {
      http.setEntity(new ByteArrayEntity(request.body(), JSON));
    }
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
            : BoundedBody.read(content, request.maxBodyBytes(), deadline);
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

  @Override
  public String toString() {
    return "ApacheTransport[" + (owned ? "own pool" : "caller's client") + "]";
  }
}
