package io.github.coupontools.sdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.coupontools.sdk.internal.ApacheTransport;
import io.github.coupontools.sdk.internal.ClientInvoker;
import io.github.coupontools.sdk.internal.Lazy;
import io.github.coupontools.sdk.internal.LenientBooleans;
import io.github.coupontools.sdk.internal.LenientScalars;
import io.github.coupontools.sdk.service.AccountService;
import io.github.coupontools.sdk.service.CouponService;
import io.github.coupontools.sdk.service.CouponSessionService;
import io.github.coupontools.sdk.service.DirectoryService;
import io.github.coupontools.sdk.service.DistributionService;
import io.github.coupontools.sdk.service.EmailGroupsService;
import io.github.coupontools.sdk.service.LoyaltyService;
import io.github.coupontools.sdk.service.NotificationService;
import io.github.coupontools.sdk.service.SingleUseService;
import io.github.coupontools.sdk.service.SmsGroupsService;
import io.github.coupontools.sdk.service.WebhooksService;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

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
 * {@link #notifications()}, {@link #smsGroups()}, {@link #emailGroups()}, {@link #directories()},
 * {@link #loyalty()}, {@link #account()}, {@link #webhooks()});
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

  private final ClientInvoker.Shared shared;
  private final ClientInvoker invoker;
  private final boolean view;
  // Services are made on first use: a service's class holds the descriptors of its operations
  // and names their models, which a program calling one section of the API need not load.
  private final Lazy<CouponService> coupons;
  private final Lazy<CouponSessionService> couponSessions;
  private final Lazy<SingleUseService> singleUse;
  private final Lazy<DistributionService> distribution;
  private final Lazy<NotificationService> notifications;
  private final Lazy<SmsGroupsService> smsGroups;
  private final Lazy<EmailGroupsService> emailGroups;
  private final Lazy<DirectoryService> directories;
  private final Lazy<LoyaltyService> loyalty;
  private final Lazy<Webhooks> webhooks;
  private final Lazy<AccountService> account;

  private CouponToolsClient(ClientInvoker.Shared shared, RequestOptions options, boolean view) {
    this.shared = shared;
    this.view = view;
    this.invoker = new ClientInvoker(shared, options);
    this.coupons = new Lazy<>(() -> new CouponService(invoker));
    this.couponSessions = new Lazy<>(() -> new CouponSessionService(invoker));
    this.singleUse = new Lazy<>(() -> new SingleUseService(invoker));
    this.distribution = new Lazy<>(() -> new DistributionService(invoker));
    this.notifications = new Lazy<>(() -> new NotificationService(invoker));
    this.smsGroups = new Lazy<>(() -> new SmsGroupsService(invoker));
    this.emailGroups = new Lazy<>(() -> new EmailGroupsService(invoker));
    this.directories = new Lazy<>(() -> new DirectoryService(invoker));
    this.loyalty = new Lazy<>(() -> new LoyaltyService(invoker));
    this.webhooks = new Lazy<>(() -> new Webhooks(shared.mapper(), new WebhooksService(invoker)));
    this.account = new Lazy<>(() -> new AccountService(invoker));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Coupons: list, get, create from a template. */
  public CouponService coupons() {
    return coupons.get();
  }

  /** Coupon sessions: list (paged), get, update one or many, search, delete, barcode. */
  public CouponSessionService couponSessions() {
    return couponSessions.get();
  }

  /** Single-use URLs: create one or many. */
  public SingleUseService singleUse() {
    return singleUse.get();
  }

  /** Distribution: send a coupon by email or text message. */
  public DistributionService distribution() {
    return distribution.get();
  }

  /** Push notifications to the coupon's mobile wallet users. */
  public NotificationService notifications() {
    return notifications.get();
  }

  /** SMS contact groups. */
  public SmsGroupsService smsGroups() {
    return smsGroups.get();
  }

  /** Email contact groups. */
  public EmailGroupsService emailGroups() {
    return emailGroups.get();
  }

  /**
   * Directories, their registered users and the categories. Where v3 and v4 calls both exist, the
   * v4 one has the plain name (REST, bare JSON answers; prefer it) and the v3 one the suffix
   * {@code V3}; categories and the payment status exist in v3 only.
   */
  public DirectoryService directories() {
    return directories.get();
  }

  /**
   * Loyalty cards (stamp and membership cards) and their users. Where v3 and v4 calls both exist,
   * the v4 one has the plain name (REST, bare JSON answers; prefer it) and the v3 one the suffix
   * {@code V3}; account-level loyalty users (create, link, search, points) exist in v3 only.
   */
  public LoyaltyService loyalty() {
    return loyalty.get();
  }

  /** Webhooks: parse and verify received payloads, and the webhook operations of the API. */
  public Webhooks webhooks() {
    return webhooks.get();
  }

  /** The account, its teammates and subaccounts: single sign-on, password reset, subaccounts. */
  public AccountService account() {
    return account.get();
  }

  /** Lazy iteration over all pages of the paged session lists. */
  public CouponSessionPages couponSessionPages() {
    return new CouponSessionPages(couponSessions(), shared.mapper());
  }

  /** Lazy iteration over all pages of a directory's registered users ({@code directoryusers/list}). */
  public DirectoryUserPages directoryUserPages() {
    return new DirectoryUserPages(directories(), shared.mapper());
  }

  /**
   * A view of this client with other timeouts or retries, sharing its connections; for example
   * {@code client.withOptions(client.options().withReadTimeout(Duration.ofMinutes(2)))}.
   */
  public CouponToolsClient withOptions(RequestOptions options) {
    return new CouponToolsClient(shared, Objects.requireNonNull(options, "options"), true);
  }

  /** The timeouts and retries of this client's calls. */
  public RequestOptions options() {
    return invoker.options();
  }

  /** Base URL the client calls. */
  public URI baseUrl() {
    return shared.baseUrl();
  }

  /**
   * Releases the connections the client opened itself (not those of a caller's
   * {@code CloseableHttpClient}). Closing a view from {@link #withOptions} does nothing: the
   * connections belong to the client it came from.
   */
  @Override
  public void close() {
    if (!view) {
      shared.transport().close();
    }
  }

  @Override
  public String toString() {
    return "CouponToolsClient[baseUrl=" + shared.baseUrl() + ", clientId=" + shared.clientId()
        + ", clientSecret=[REDACTED], " + options() + "]";
  }

  static ObjectMapper newObjectMapper() {
    // Tolerant: the API sends numbers as strings and vice versa, and fields it does not document.
    return JsonMapper.builder()
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
        .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
        .addModule(new JavaTimeModule())
        .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // Operations without parameters take any empty object as their body.
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .addModule(LenientBooleans.module())
        .addModule(LenientScalars.module())
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
    private CloseableHttpClient httpClient;
    private Transport transport;

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

    /** Read timeout of every call (default 30 s): bounds the whole response, body included. */
    public Builder readTimeout(Duration timeout) {
      options = options.withReadTimeout(timeout);
      return this;
    }

    /**
     * Overall deadline of every call, retries and their waits included (none by default); see
     * {@link RequestOptions#withCallTimeout}.
     */
    public Builder callTimeout(Duration timeout) {
      options = options.withCallTimeout(timeout);
      return this;
    }

    /** Cap on a decoded response body in bytes (default 32 MB); see {@link RequestOptions#withMaxResponseBytes}. */
    public Builder maxResponseBytes(long bytes) {
      options = options.withMaxResponseBytes(bytes);
      return this;
    }

    /** Automatic retries (default 2); the README's "Retries" section says which calls are retried. */
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
     * Sends with the caller's Apache HttpClient 5 client (its proxy, TLS and pool) instead of the
     * SDK's own; the caller closes it. Configure it without automatic retries and redirects: the
     * SDK decides what may be sent twice. By default the SDK uses its own pool, which honours the
     * JVM's proxy system properties.
     */
    public Builder httpClient(CloseableHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      this.transport = null;
      return this;
    }

    /**
     * Sends with another transport, for example {@link JerseyTransport#using} with your JAX-RS
     * client. Replaces {@link #httpClient}.
     */
    public Builder transport(Transport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      this.httpClient = null;
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
      // CR/LF in a header value would let it add headers of its own (header injection).
      if (id.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new IllegalArgumentException("clientId must not contain CR, LF or other control"
            + " characters");
      }
      if (secret.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new IllegalArgumentException("clientSecret must not contain CR, LF or other"
            + " control characters");
      }
      String scheme = baseUrl.getScheme();
      if (!("https".equals(scheme) || "http".equals(scheme)) || baseUrl.getHost() == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, was "
            + baseUrl);
      }
      String base = baseUrl.toString().replaceAll("/+$", "");
      String userAgent = "coupontools-java/" + VERSION + " (Java " + System.getProperty(
          "java.version") + ")";
      Transport sender = transport != null ? transport : httpClient != null
          ? ApacheTransport.using(httpClient) : ApacheTransport.createDefault();
      ClientInvoker.Shared shared = new ClientInvoker.Shared(sender, URI.create(base),
          id, secret, userAgent, newObjectMapper(), logRequests);
      return new CouponToolsClient(shared, options, false);
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
