package io.github.coupontools.sdk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.coupontools.sdk.generated.api.AccountApi;
import io.github.coupontools.sdk.generated.api.CouponApi;
import io.github.coupontools.sdk.generated.api.CouponSessionApi;
import io.github.coupontools.sdk.generated.api.DistributionApi;
import io.github.coupontools.sdk.generated.api.EmailGroupsApi;
import io.github.coupontools.sdk.generated.api.NotificationApi;
import io.github.coupontools.sdk.generated.api.SingleUseApi;
import io.github.coupontools.sdk.generated.api.SmsGroupsApi;
import io.github.coupontools.sdk.generated.api.WebhooksApi;
import io.github.coupontools.sdk.generated.invoker.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;

/**
 * Entry point of the Coupontools SDK: one immutable, thread-safe client per set of credentials,
 * meant to be shared by the whole application.
 *
 * <pre>{@code
 * CouponToolsClient client = CouponToolsClient.builder()
 *     .clientId("...").clientSecret("...")   // or COUPONTOOLS_CLIENT_ID / COUPONTOOLS_CLIENT_SECRET
 *     .build();
 * ListCouponsResponse coupons = client.coupons().listCoupons(new ListCouponsRequest().onlyActive(true));
 * }</pre>
 *
 * <p>Operations are grouped as in the API documentation ({@link #coupons()},
 * {@link #couponSessions()}, {@link #singleUse()}, {@link #distribution()},
 * {@link #notifications()}, {@link #smsGroups()}, {@link #emailGroups()}, {@link #webhooks()});
 * each method is named after the contract's operationId. Every failure is an unchecked
 * {@link io.github.coupontools.sdk.exception.CouponToolsException}.
 */
public final class CouponToolsClient implements AutoCloseable {

  /** The production API. */
  public static final URI PRODUCTION = URI.create("https://api.coupontools.com");
  /** Environment variable read for the client id when the builder is given none. */
  public static final String CLIENT_ID_ENV = "COUPONTOOLS_CLIENT_ID";
  /** Environment variable read for the client secret when the builder is given none. */
  public static final String CLIENT_SECRET_ENV = "COUPONTOOLS_CLIENT_SECRET";
  /** The SDK's version, also sent in the {@code User-Agent}. */
  public static final String VERSION = readVersion();

  /** Connections kept per client: enough for many threads sharing one client. */
  private static final int MAX_CONNECTIONS = 64;

  private final CouponToolsApiClient.Shared shared;
  private final CouponToolsApiClient apiClient;
  private final CouponApi coupons;
  private final CouponSessionApi couponSessions;
  private final SingleUseApi singleUse;
  private final DistributionApi distribution;
  private final NotificationApi notifications;
  private final SmsGroupsApi smsGroups;
  private final EmailGroupsApi emailGroups;
  private final WebhooksApi webhooks;
  private final AccountApi account;

  private CouponToolsClient(CouponToolsApiClient.Shared shared, RequestOptions options) {
    this.shared = shared;
    this.apiClient = new CouponToolsApiClient(shared, options);
    this.coupons = new CouponApi(apiClient);
    this.couponSessions = new CouponSessionApi(apiClient);
    this.singleUse = new SingleUseApi(apiClient);
    this.distribution = new DistributionApi(apiClient);
    this.notifications = new NotificationApi(apiClient);
    this.smsGroups = new SmsGroupsApi(apiClient);
    this.emailGroups = new EmailGroupsApi(apiClient);
    this.webhooks = new WebhooksApi(apiClient);
    this.account = new AccountApi(apiClient);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Coupons: list, get, create from a template. */
  public CouponApi coupons() {
    return coupons;
  }

  /** Coupon sessions: list (paged), get, update one or many, search, delete, barcode. */
  public CouponSessionApi couponSessions() {
    return couponSessions;
  }

  /** Single-use URLs: create one or many. */
  public SingleUseApi singleUse() {
    return singleUse;
  }

  /** Distribution: send a coupon by email or text message. */
  public DistributionApi distribution() {
    return distribution;
  }

  /** Push notifications to the coupon's mobile wallet users. */
  public NotificationApi notifications() {
    return notifications;
  }

  /** SMS contact groups. */
  public SmsGroupsApi smsGroups() {
    return smsGroups;
  }

  /** Email contact groups. */
  public EmailGroupsApi emailGroups() {
    return emailGroups;
  }

  /** Webhook verification by event id; see {@link Webhooks} to parse and verify payloads. */
  public WebhooksApi webhooks() {
    return webhooks;
  }

  /** The account's subaccounts: single sign-on tokens. */
  public AccountApi account() {
    return account;
  }

  /** Parsing and verification of received webhook payloads. */
  public Webhooks webhookEvents() {
    return new Webhooks(shared.mapper, webhooks);
  }

  /** Lazy iteration over all pages of the paged session lists. */
  public CouponSessionPages couponSessionPages() {
    return new CouponSessionPages(couponSessions, shared.mapper);
  }

  /**
   * A view of this client with other timeouts or retries, sharing its connections; for example
   * {@code client.withOptions(client.options().withReadTimeout(Duration.ofMinutes(2)))}.
   */
  public CouponToolsClient withOptions(RequestOptions options) {
    return new CouponToolsClient(shared, Objects.requireNonNull(options, "options"));
  }

  /** The timeouts and retries of this client's calls. */
  public RequestOptions options() {
    return apiClient.options();
  }

  /** Base URL the client calls. */
  public URI baseUrl() {
    return shared.baseUrl;
  }

  /** The JSON mapper the client reads and writes with (tolerant of the API's string numbers). */
  public ObjectMapper objectMapper() {
    return shared.mapper;
  }

  /** Releases the HTTP connections; views from {@link #withOptions} share them. */
  @Override
  public void close() {
    shared.http.close(CloseMode.GRACEFUL);
  }

  @Override
  public String toString() {
    return "CouponToolsClient[baseUrl=" + shared.baseUrl + ", clientId=" + shared.clientId
        + ", clientSecret=[REDACTED], " + options() + "]";
  }

  static ObjectMapper newObjectMapper() {
    // The generated mapper, made tolerant: the API sends numbers as strings and vice versa.
    JsonMapper mapper = (JsonMapper) new JSON().getMapper().copy();
    return mapper.rebuild()
        .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // Operations without parameters take any empty object as their body.
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .addModule(LenientBooleans.module())
        .build();
  }

  private static String readVersion() {
    Properties properties = new Properties();
    try (InputStream in = CouponToolsClient.class.getResourceAsStream("coupontools-sdk.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }

  /** Builds a {@link CouponToolsClient}. */
  public static final class Builder {
    private String clientId;
    private String clientSecret;
    private URI baseUrl = PRODUCTION;
    private RequestOptions options = RequestOptions.DEFAULTS;
    private boolean logRequests;

    private Builder() {}

    /** API client id; defaults to the environment variable {@value #CLIENT_ID_ENV}. */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** API client secret; defaults to the environment variable {@value #CLIENT_SECRET_ENV}. */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /** Base URL, {@link #PRODUCTION} by default; point it at the mock for offline work. */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** Base URL as text, for example {@code http://127.0.0.1:4010}. */
    public Builder baseUrl(String baseUrl) {
      try {
        return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
      } catch (IllegalArgumentException notAUri) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, was "
            + baseUrl, notAUri);
      }
    }

    /** Connect timeout of every call (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      options = options.withConnectTimeout(timeout);
      return this;
    }

    /** Read timeout of every call (default 30 s). */
    public Builder readTimeout(Duration timeout) {
      options = options.withReadTimeout(timeout);
      return this;
    }

    /** Automatic retries (default 2); see {@link RetryPolicy} for which calls are retried. */
    public Builder maxRetries(int retries) {
      options = options.withMaxRetries(retries);
      return this;
    }

    /**
     * Logs one INFO line per HTTP exchange (operation, path, status, duration) through SLF4J
     * logger {@code io.github.coupontools.sdk.CouponToolsClient}. Never logs headers or secrets.
     */
    public Builder logRequests(boolean enabled) {
      this.logRequests = enabled;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public CouponToolsClient build() {
      String id = firstNonBlank(clientId, System.getenv(CLIENT_ID_ENV));
      String secret = firstNonBlank(clientSecret, System.getenv(CLIENT_SECRET_ENV));
      if (id == null) {
        throw new IllegalArgumentException("clientId is required: call clientId(...) or set "
            + CLIENT_ID_ENV);
      }
      if (secret == null) {
        throw new IllegalArgumentException("clientSecret is required: call clientSecret(...) or"
            + " set " + CLIENT_SECRET_ENV);
      }
      String scheme = baseUrl.getScheme();
      if (!("https".equals(scheme) || "http".equals(scheme)) || baseUrl.getHost() == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, was "
            + baseUrl);
      }
      String base = baseUrl.toString().replaceAll("/+$", "");
      String userAgent = "coupontools-java/" + VERSION + " (Java " + System.getProperty(
          "java.version") + ")";
      CloseableHttpClient http = httpClient();
      CouponToolsApiClient.Shared shared = new CouponToolsApiClient.Shared(http, URI.create(base),
          id, secret, userAgent, newObjectMapper(), logRequests);
      return new CouponToolsClient(shared, options);
    }

    /**
     * Apache HttpClient 5, used directly: pooled keep-alive connections for many threads, the
     * per-call timeouts of {@link RequestOptions} (set on each request; the read timeout also
     * bounds a slow body), no cookies, and no automatic re-sending (the JDK connection silently
     * re-sends a POST whose connection closed early; retries are {@link RetryPolicy}'s). The
     * requests and responses are bytes the SDK writes and reads with its own mapper, so no JAX-RS
     * client sits in between (it cost more per call than the HTTP exchange itself; see bench/).
     */
    private static CloseableHttpClient httpClient() {
      PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
          .setMaxConnTotal(MAX_CONNECTIONS)
          .setMaxConnPerRoute(MAX_CONNECTIONS)
          .setConnectionFactory(QuietConnection.FACTORY)
          // Checks a connection idle for a while before reuse: a server that closed it first
          // would otherwise fail the next POST, which is not retried for create/send calls.
          .setDefaultConnectionConfig(ConnectionConfig.custom()
              .setValidateAfterInactivity(TimeValue.ofMilliseconds(500)).build())
          .build();
      return HttpClients.custom()
          .setConnectionManager(pool)
          .disableAutomaticRetries()
          .disableCookieManagement()
          .build();
    }

    private static String firstNonBlank(String value, String fallback) {
      if (value != null && !value.isBlank()) {
        return value;
      }
      return fallback == null || fallback.isBlank() ? null : fallback;
    }

    @Override
    public String toString() {
      return "CouponToolsClient.Builder[baseUrl=" + baseUrl + ", clientId=" + clientId
          + ", clientSecret=[REDACTED]]";
    }
  }
}
