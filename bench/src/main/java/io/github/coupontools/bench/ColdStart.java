package io.github.coupontools.bench;

import java.net.URI;

/**
 * One cold call in a fresh JVM: {@code ColdStart <client> <baseUrl>} builds the client, makes
 * one {@code listCoupons} call and prints {@code done <epochMillis> <mainToDoneMillis>}.
 * {@link Harness} starts it and measures from the process launch.
 */
public final class ColdStart {

  private ColdStart() {}

  public static void main(String[] args) {
    long mainStarted = System.nanoTime();
    Clients kind = Clients.valueOf(args[0]);
    URI baseUrl = URI.create(args[1]);
    Operation operation = Operation.listCoupons;
    Object response;
    try (Clients.Call call = kind.open(baseUrl, operation)) {
      response = call.get();
      long done = System.currentTimeMillis();
      if (!operation.check.test(response)) {
        System.out.println("error unexpected answer " + response);
        System.exit(2);
      }
      System.out.println("done " + done + " "
          + (System.nanoTime() - mainStarted) / 1_000_000);
    }
    System.exit(0);
  }
}
