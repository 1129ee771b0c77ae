package io.github.coupontools.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coupontools.sdk.exception.ApiConnectionException;
import io.github.coupontools.sdk.exception.CouponToolsException;
import io.github.coupontools.sdk.exception.UnexpectedResponseException;
import io.github.coupontools.sdk.model.ListCouponsRequest;
import io.github.coupontools.sdk.model.ListCouponsResponse;
import io.github.coupontools.sdk.model.ListSmsGroupsResponse;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the client sends: its own pool, a caller's HttpClient, a caller's JAX-RS client, a proxy. */
@Timeout(30)
class TransportTest {

  private static final String LIST = "{\"status\":{\"status\":\"OK\"},\"amount_of_campaigns\":\"1\","
      + "\"coupon_info\":[{\"ID\":\"cam_1\",\"name\":\"Spring sale\"}]}";

  @RegisterExtension
  static final WireMockExtension wireMock = LocalWireMock.server();

  private static CouponToolsClient.Builder builder() {
    return CouponToolsClient.builder().clientId("transport-id").clientSecret("transport-secret")
        .baseUrl("http://127.0.0.1:" + wireMock.getPort()).maxRetries(0);
  }

  @Test
  void aTransportOfYourOwnGetsABodyOnlyWhereOneIsSentAndMayAnswerWithoutOne() {
    List<Transport.Request> sent = new CopyOnWriteArrayList<>();
    Transport own = new Transport() {
      @Override
      public Response send(Request request) {
        sent.add(request);
        boolean list = request.uri().getPath().equals("/v3/coupon/list");
        return new Response(200, java.util.Map.of(),
            list ? LIST.getBytes(StandardCharsets.UTF_8) : null);
      }

      @Override
      public void close() {}
    };
    try (CouponToolsClient client = builder().transport(own).build()) {
      ListCouponsResponse coupons = client.coupons().listCoupons(new ListCouponsRequest());
      List<?> directories = client.directories().listDirectories();

      assertThat(coupons.getCouponInfo()).hasSize(1);
      assertThat(directories).isEmpty();
    }
    assertThat(sent).extracting(Transport.Request::method).containsExactly("POST", "GET");
    assertThat(sent.get(0).body()).map(body -> new String(body, StandardCharsets.UTF_8))
        .hasValue("{}");
    assertThat(sent.get(1).body()).isEmpty();
  }

  @Test
  void closingAViewLeavesTheClientItCameFromWorking() {
    wireMock.stubFor(post(urlEqualTo("/v3/coupon/list")).willReturn(okJson(LIST)));
    try (CouponToolsClient client = builder().build()) {
      CouponToolsClient view = client.withOptions(client.options().withMaxRetries(1));
      view.close();

      ListCouponsResponse coupons = client.coupons().listCoupons(new ListCouponsRequest());

      assertThat(coupons.getCouponInfo()).singleElement()
          .satisfies(coupon -> assertThat(coupon.getName()).isEqualTo("Spring sale"));
      assertThat(view.coupons().listCoupons(new ListCouponsRequest()).getAmountOfCampaigns())
          .isEqualTo(1L);
    }
  }

  @Test
  void closingTheClientMakesLaterCallsFailWithoutSending() {
    CouponToolsClient client = builder().build();
    client.close();

    Throwable thrown = catchThrowable(() -> client.coupons().listCoupons(new ListCouponsRequest()));

    assertThat(thrown).isExactlyInstanceOf(CouponToolsException.class)
        .hasMessageContaining("listCoupons was not sent: the client is closed");
    wireMock.verify(0, postRequestedFor(urlEqualTo("/v3/coupon/list")));
  }

  @Test
  void aCallersHttpClientIsUsedAndStaysOpenAfterTheClientCloses() throws Exception {
    wireMock.stubFor(post(urlEqualTo("/v3/coupon/list")).willReturn(okJson(LIST)));
    AtomicInteger seen = new AtomicInteger();
    try (CloseableHttpClient http = HttpClients.custom()
        .addRequestInterceptorFirst((request, entity, context) -> seen.incrementAndGet())
        .disableAutomaticRetries().disableRedirectHandling().build()) {
      try (CouponToolsClient client = builder().httpClient(http).build()) {
        client.coupons().listCoupons(new ListCouponsRequest());
      }
      try (CouponToolsClient again = builder().httpClient(http).build()) {
        again.coupons().listCoupons(new ListCouponsRequest());
      }
    }
    assertThat(seen).hasValue(2);
  }

  @Test
  void operationsWithAnEmptyRequestSendTheEmptyObjectOnBothTransports() {
    wireMock.stubFor(post(urlEqualTo("/v3/smstool/grouplist")).willReturn(okJson(
        "{\"status\":{\"status\":\"OK\"},\"amount_of_groups\":1,"
            + "\"group\":[{\"ID\":\"12\",\"name\":\"VIP\"}]}")));
    Client jaxRs = ClientBuilder.newClient();
    try (CouponToolsClient apache = builder().build();
        CouponToolsClient jersey = builder().transport(JerseyTransport.using(jaxRs)).build()) {
      ListSmsGroupsResponse first = apache.smsGroups().listSmsGroups();
      ListSmsGroupsResponse second = jersey.smsGroups().listSmsGroups();

      assertThat(first.getAmountOfGroups()).isEqualTo(1);
      assertThat(second).isEqualTo(first);
    } finally {
      jaxRs.close();
    }
    wireMock.verify(2, postRequestedFor(urlEqualTo("/v3/smstool/grouplist"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{}")));
  }

  @Test
  void neitherTransportFollowsARedirect() {
    wireMock.stubFor(post(urlEqualTo("/v3/coupon/list")).willReturn(aResponse().withStatus(307)
        .withHeader("Location", "http://127.0.0.1:" + wireMock.getPort() + "/elsewhere")));
    wireMock.stubFor(post(urlEqualTo("/elsewhere")).willReturn(okJson(LIST)));
    Client jaxRs = ClientBuilder.newClient();
    try (CouponToolsClient apache = builder().build();
        CouponToolsClient jersey = builder().transport(JerseyTransport.using(jaxRs)).build()) {
      for (CouponToolsClient client : new CouponToolsClient[] {apache, jersey}) {
        Throwable thrown = catchThrowable(() -> client.coupons().listCoupons(new ListCouponsRequest()));
        assertThat(thrown).isInstanceOf(UnexpectedResponseException.class);
        assertThat(((CouponToolsException) thrown).httpStatus()).isEqualTo(307);
      }
    } finally {
      jaxRs.close();
    }
    wireMock.verify(0, postRequestedFor(urlEqualTo("/elsewhere")));
  }

  @Test
  void jerseyTransportReportsARefusedConnectionAsNotSent() throws Exception {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = free.getLocalPort();
    }
    Client jaxRs = ClientBuilder.newClient();
    try (CouponToolsClient jersey = CouponToolsClient.builder().clientId("id").clientSecret("s")
        .baseUrl("http://127.0.0.1:" + closedPort).maxRetries(0)
        .transport(JerseyTransport.using(jaxRs)).build()) {
      Throwable thrown = catchThrowable(() -> jersey.coupons().listCoupons(new ListCouponsRequest()));

      assertThat(thrown).isExactlyInstanceOf(ApiConnectionException.class)
          .hasMessageContaining("could not connect");
      assertThat(((ApiConnectionException) thrown).requestSent()).isFalse();
    } finally {
      jaxRs.close();
    }
  }

  @Test
  void theDefaultTransportSendsThroughTheJvmsHttpProxySettings() throws Exception {
    String[] keys = {"http.proxyHost", "http.proxyPort", "http.nonProxyHosts"};
    String[] saved = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      saved[i] = System.getProperty(keys[i]);
    }
    try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> requestLine = CompletableFuture.supplyAsync(() -> answer(proxy));
      System.setProperty("http.proxyHost", "127.0.0.1");
      System.setProperty("http.proxyPort", String.valueOf(proxy.getLocalPort()));
      System.setProperty("http.nonProxyHosts", "");
      try (CouponToolsClient client = CouponToolsClient.builder().clientId("id").clientSecret("s")
          .baseUrl("http://api.coupontools.invalid").maxRetries(0)
          .readTimeout(Duration.ofSeconds(5)).build()) {
        ListCouponsResponse coupons = client.coupons().listCoupons(new ListCouponsRequest());

        assertThat(coupons.getAmountOfCampaigns()).isEqualTo(1L);
      }
      assertThat(requestLine.get(5, TimeUnit.SECONDS))
          .isEqualTo("POST http://api.coupontools.invalid/v3/coupon/list HTTP/1.1");
    } finally {
      for (int i = 0; i < keys.length; i++) {
        if (saved[i] == null) {
          System.clearProperty(keys[i]);
        } else {
          System.setProperty(keys[i], saved[i]);
        }
      }
    }
  }

  @Test
  void theDefaultTransportAsksAnApplicationsOwnDefaultProxySelector() throws Exception {
    ProxySelector saved = ProxySelector.getDefault();
    try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> requestLine = CompletableFuture.supplyAsync(() -> answer(proxy));
      List<URI> asked = new CopyOnWriteArrayList<>();
      ProxySelector.setDefault(new ProxySelector() {
        @Override
        public List<Proxy> select(URI uri) {
          asked.add(uri);
          return List.of(new Proxy(Proxy.Type.HTTP, proxy.getLocalSocketAddress()));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, java.io.IOException failure) {}
      });
      try (CouponToolsClient client = CouponToolsClient.builder().clientId("id").clientSecret("s")
          .baseUrl("http://api.coupontools.invalid").maxRetries(0)
          .readTimeout(Duration.ofSeconds(5)).build()) {
        client.coupons().listCoupons(new ListCouponsRequest());
      }
      assertThat(requestLine.get(5, TimeUnit.SECONDS))
          .isEqualTo("POST http://api.coupontools.invalid/v3/coupon/list HTTP/1.1");
      assertThat(asked).extracting(URI::getHost).contains("api.coupontools.invalid");
    } finally {
      ProxySelector.setDefault(saved);
    }
  }

  /** Plays a forward proxy for one request: reads it, answers the list, returns its first line. */
  private static String answer(ServerSocket proxy) {
    try (Socket socket = proxy.accept()) {
      socket.setSoTimeout(5000);
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
          StandardCharsets.ISO_8859_1));
      String first = in.readLine();
      int length = 0;
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      for (int i = 0; i < length; i++) {
        in.read();
      }
      byte[] body = LIST.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
          + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return first;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
