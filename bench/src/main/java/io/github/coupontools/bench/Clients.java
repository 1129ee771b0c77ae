package io.github.coupontools.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.JerseyTransport;
import io.github.coupontools.sdk.model.CreateSingleUseUrlRequest;
import io.github.coupontools.sdk.model.GetCouponSessionRequest;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The four ways to make one call: the three baselines and the SDK. Each does the same POST (same
 * JSON body from the same request model, the same credential headers, connect 10 s / read 30 s)
 * and parses the answer into the same generated response model.
 */
public enum Clients {
  /** Hand-written HttpURLConnection + Jackson: the floor. */
  floor("HttpURLConnection + Jackson (floor)"),
  /** java.net.http.HttpClient (HTTP/1.1) + Jackson. */
  jdkHttp("java.net.http + Jackson"),
  /** The SDK over its optional JerseyTransport, a Jersey client on the Apache 5 connector. */
  sdkJersey("SDK over JerseyTransport (Jersey, Apache 5 connector)"),
  /** The SDK with its runtime, default options. */
  sdk("SDK (CouponToolsClient)"),
  /** Diagnostic: Apache HttpClient 5 (classic, pooled, no retries, no cookies) + Jackson. */
  apache5("Apache HttpClient 5 + Jackson"),
  /** Diagnostic: a Jersey client on the Apache 5 connector, bytes in and out + Jackson. */
  jerseyApache5("Jersey + Apache 5 connector + Jackson");

  static final int CONNECT_TIMEOUT_MS = 10_000;
  static final int READ_TIMEOUT_MS = 30_000;

  final String label;

  Clients(String label) {
    this.label = label;
  }

  /** A call of one operation through one client; close releases the client. */
  public interface Call extends Supplier<Object>, AutoCloseable {
    @Override
    void close();
  }

  /** Opens this client against the server and returns the call of the operation. */
  public Call open(URI baseUrl, Operation operation) {
    switch (this) {
      case floor:
        return new Floor(baseUrl, operation);
      case jdkHttp:
        return new JdkHttp(baseUrl, operation);
      case sdkJersey:
        return sdkJersey(baseUrl, operation);
      case sdk:
        return sdk(baseUrl, operation);
      case apache5:
        return new Apache5(baseUrl, operation);
      case jerseyApache5:
        return new JerseyApache5(baseUrl, operation);
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * The mapper of the hand-written baselines: the wire format of the generated models, whose
   * string-encoded flags, numbers and dates need the same readers in any client.
   */
  static ObjectMapper plainMapper() {
    return JsonMapper.builder()
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
        .addModule(io.github.coupontools.sdk.internal.LenientBooleans.module())
        .addModule(io.github.coupontools.sdk.internal.LenientScalars.module())
        .build();
  }

  private static final class Floor implements Call {
    private final URL url;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final Object request;

    Floor(URI baseUrl, Operation operation) {
      try {
        this.url = baseUrl.resolve(operation.path).toURL();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ObjectMapper mapper = plainMapper();
      this.writer = mapper.writer();
      this.reader = mapper.readerFor(operation.responseType);
      this.request = operation.request;
    }

    @Override
    public Object get() {
      try {
        byte[] body = writer.writeValueAsBytes(request);
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(READ_TIMEOUT_MS);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Accept", "application/json");
        connection.setRequestProperty("X-Client-Id", ExampleServer.CLIENT_ID);
        connection.setRequestProperty("X-Client-Secret", ExampleServer.CLIENT_SECRET);
        try (OutputStream out = connection.getOutputStream()) {
          out.write(body);
        }
        int status = connection.getResponseCode();
        if (status != 200) {
          try (InputStream error = connection.getErrorStream()) {
            if (error != null) {
              error.readAllBytes();
            }
          }
          throw new IllegalStateException("HTTP " + status);
        }
        byte[] response;
        try (InputStream in = connection.getInputStream()) {
          response = in.readAllBytes();
        }
        return reader.readValue(response);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {}
  }

  private static final class JdkHttp implements Call {
    private final HttpClient http;
    private final URI uri;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final Object request;

    JdkHttp(URI baseUrl, Operation operation) {
      this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MS)).build();
      this.uri = baseUrl.resolve(operation.path);
      ObjectMapper mapper = plainMapper();
      this.writer = mapper.writer();
      this.reader = mapper.readerFor(operation.responseType);
      this.request = operation.request;
    }

    @Override
    public Object get() {
      try {
        byte[] body = writer.writeValueAsBytes(request);
        HttpRequest post = HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMillis(READ_TIMEOUT_MS))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-Client-Id", ExampleServer.CLIENT_ID)
            .header("X-Client-Secret", ExampleServer.CLIENT_SECRET)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
        HttpResponse<byte[]> response = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return reader.readValue(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {}
  }

  private static final class Apache5 implements Call {
    private final CloseableHttpClient http;
    private final URI uri;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final Object request;

    Apache5(URI baseUrl, Operation operation) {
      PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
          .setMaxConnTotal(64).setMaxConnPerRoute(64)
          .setDefaultConnectionConfig(ConnectionConfig.custom()
              .setConnectTimeout(Timeout.ofMilliseconds(CONNECT_TIMEOUT_MS))
              .setSocketTimeout(Timeout.ofMilliseconds(READ_TIMEOUT_MS)).build())
          .build();
      // Configured as the SDK configures it.
      this.http = HttpClients.custom().setConnectionManager(pool).disableAutomaticRetries()
          .disableCookieManagement()
          .setDefaultRequestConfig(RequestConfig.custom()
              .setResponseTimeout(Timeout.ofMilliseconds(READ_TIMEOUT_MS)).build())
          .build();
      this.uri = baseUrl.resolve(operation.path);
      ObjectMapper mapper = plainMapper();
      this.writer = mapper.writer();
      this.reader = mapper.readerFor(operation.responseType);
      this.request = operation.request;
    }

    @Override
    public Object get() {
      try {
        HttpPost post = new HttpPost(uri);
        post.setHeader("Accept", "application/json");
        post.setHeader("X-Client-Id", ExampleServer.CLIENT_ID);
        post.setHeader("X-Client-Secret", ExampleServer.CLIENT_SECRET);
        post.setEntity(new ByteArrayEntity(writer.writeValueAsBytes(request),
            ContentType.APPLICATION_JSON));
        byte[] body = http.execute(post, response -> {
          if (response.getCode() != 200) {
            throw new IllegalStateException("HTTP " + response.getCode());
          }
          return EntityUtils.toByteArray(response.getEntity());
        });
        return reader.readValue(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      http.close(CloseMode.GRACEFUL);
    }
  }

  private static final class JerseyApache5 implements Call {
    private final jakarta.ws.rs.client.Client http;
    private final URI uri;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final Object request;

    JerseyApache5(URI baseUrl, Operation operation) {
      PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
          .setMaxConnTotal(64).setMaxConnPerRoute(64).build();
      this.http = jakarta.ws.rs.client.ClientBuilder.newClient(
          new org.glassfish.jersey.client.ClientConfig()
              .connectorProvider(new org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider())
              .property(org.glassfish.jersey.apache5.connector.Apache5ClientProperties.CONNECTION_MANAGER, pool)
              .property(org.glassfish.jersey.client.ClientProperties.CONNECT_TIMEOUT, CONNECT_TIMEOUT_MS)
              .property(org.glassfish.jersey.client.ClientProperties.READ_TIMEOUT, READ_TIMEOUT_MS));
      this.uri = baseUrl.resolve(operation.path);
      ObjectMapper mapper = plainMapper();
      this.writer = mapper.writer();
      this.reader = mapper.readerFor(operation.responseType);
      this.request = operation.request;
    }

    @Override
    public Object get() {
      try (jakarta.ws.rs.core.Response response = http.target(uri)
          .request(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
          .header("X-Client-Id", ExampleServer.CLIENT_ID)
          .header("X-Client-Secret", ExampleServer.CLIENT_SECRET)
          .post(jakarta.ws.rs.client.Entity.entity(writer.writeValueAsBytes(request),
              jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE))) {
        if (response.getStatus() != 200) {
          throw new IllegalStateException("HTTP " + response.getStatus());
        }
        return reader.readValue(response.readEntity(byte[].class));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      http.close();
    }
  }

  /** A Jersey client on the Apache 5 connector with its own pool and the same timeouts. */
  static jakarta.ws.rs.client.Client jerseyApache5Client() {
    PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnTotal(64).setMaxConnPerRoute(64).build();
    return jakarta.ws.rs.client.ClientBuilder.newClient(
        new org.glassfish.jersey.client.ClientConfig()
            .connectorProvider(new org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider())
            .property(org.glassfish.jersey.apache5.connector.Apache5ClientProperties.CONNECTION_MANAGER, pool)
            .property(org.glassfish.jersey.client.ClientProperties.CONNECT_TIMEOUT, CONNECT_TIMEOUT_MS)
            .property(org.glassfish.jersey.client.ClientProperties.READ_TIMEOUT, READ_TIMEOUT_MS));
  }

  private static Call sdkJersey(URI baseUrl, Operation operation) {
    jakarta.ws.rs.client.Client jaxRs = jerseyApache5Client();
    CouponToolsClient client = CouponToolsClient.builder()
        .clientId(ExampleServer.CLIENT_ID)
        .clientSecret(ExampleServer.CLIENT_SECRET)
        .baseUrl(baseUrl)
        .transport(JerseyTransport.using(jaxRs))
        .build();
    return sdkCall(client, operation, jaxRs::close);
  }

  /** The SDK client as an application builds it: credentials and base URL, defaults otherwise. */
  static CouponToolsClient sdkClient(URI baseUrl) {
    return CouponToolsClient.builder()
        .clientId(ExampleServer.CLIENT_ID)
        .clientSecret(ExampleServer.CLIENT_SECRET)
        .baseUrl(baseUrl)
        .build();
  }

  private static Call sdk(URI baseUrl, Operation operation) {
    return sdkCall(sdkClient(baseUrl), operation, () -> { });
  }

  private static Call sdkCall(CouponToolsClient client, Operation operation, Runnable afterClose) {
    Supplier<Object> call;
    switch (operation) {
      case listCoupons: {
        ListCouponsRequest request = (ListCouponsRequest) operation.request;
        call = () -> client.coupons().listCoupons(request);
        break;
      }
      case getCouponSession: {
        GetCouponSessionRequest request = (GetCouponSessionRequest) operation.request;
        call = () -> client.couponSessions().getCouponSession(request);
        break;
      }
      case createSingleUseUrl: {
        CreateSingleUseUrlRequest request = (CreateSingleUseUrlRequest) operation.request;
        call = () -> client.singleUse().createSingleUseUrl(request);
        break;
      }
      default:
        throw new AssertionError(operation);
    }
    return new Call() {
      @Override
      public Object get() {
        return call.get();
      }

      @Override
      public void close() {
        client.close();
        afterClose.run();
      }
    };
  }
}
