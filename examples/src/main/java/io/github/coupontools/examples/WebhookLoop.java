package io.github.coupontools.examples;

import com.sun.net.httpserver.HttpServer;
import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.WebhookEvent;
import io.github.coupontools.sdk.Webhooks;
import io.github.coupontools.sdk.model.CouponWebhookEvent;
import io.github.coupontools.sdk.model.UpdateCouponSessionRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The whole webhook loop offline, against the simulator ({@code mock-server/simulate}): a local
 * endpoint receives the {@code coupon_claimed} event of a claim, parses it and verifies it with the
 * API; the same body with a forged id is rejected. Registering the endpoint with the simulator
 * stands for the webhook URL set in the Coupontools dashboard. Usage: {@code WebhookLoop [session]}.
 */
public final class WebhookLoop {

  private WebhookLoop() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    String session = args.length > 0 ? args[0] : "ac6s7u3g8a25ja7x9qg87";
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    endpoint.createContext("/coupontools", exchange -> {
      received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    endpoint.start();
    try (CouponToolsClient client = Env.client()) {
      register(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/coupontools"));
      client.couponSessions().updateCouponSession(new UpdateCouponSessionRequest()
          .couponsession(session).operation(UpdateCouponSessionRequest.OperationEnum.CLAIM));
      String body = received.poll(30, TimeUnit.SECONDS);
      if (body == null) {
        System.out.println("No webhook arrived within 30 s");
        return;
      }
      handle(client, body);
      // The same payload under an id the API never sent: what a forger would post.
      WebhookEvent event = client.webhooks().parse(body);
      handle(client, body.replace(event.id(), "evt_forgedByAnAttacker01"));
    } finally {
      endpoint.stop(0);
    }
  }

  private static void handle(CouponToolsClient client, String body) {
    WebhookEvent event = client.webhooks().parse(body);
    Webhooks.Verification verification = client.webhooks().verify(event);
    if (!verification.verified()) {
      System.out.println("Rejected " + event.id() + ": " + verification.problems());
      return;
    }
    CouponWebhookEvent coupon = event.as(CouponWebhookEvent.class).orElseThrow();
    System.out.println("Verified " + event.type() + " of session " + coupon.getSession()
        + " (coupon " + coupon.getCampaign() + ")");
  }

  /** Asks the simulator to post its webhooks to {@code endpoint}. */
  private static void register(URI endpoint) throws IOException, InterruptedException {
    URI control = URI.create(System.getenv("COUPONTOOLS_BASE_URL")).resolve("/__simulator/webhooks");
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(control)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + endpoint + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("Not a simulator at COUPONTOOLS_BASE_URL (HTTP "
          + answer.statusCode() + "): start it with mock-server/simulate");
    }
  }
}
