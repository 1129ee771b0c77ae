package io.github.coupontools.mock;

/**
 * Run by {@link NodeMissingTest} in a JVM whose PATH has no Node.js: starts the mock the way the
 * extension does and prints what the user would read.
 */
final class NodeMissingProbe {

  private NodeMissingProbe() {}

  public static void main(String[] args) {
    try (PrismMock mock = PrismMock.start()) {
      System.out.println("started on port " + mock.port());
    } catch (IllegalStateException e) {
      System.out.println(e.getMessage());
      System.exit(3);
    }
  }
}
