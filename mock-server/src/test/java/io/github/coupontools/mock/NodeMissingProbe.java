package io.github.coupontools.mock;

/**
 * Run by {@link NodeMissingTest} in a JVM whose PATH has no Node.js: starts the mock the way the
 * extension does (or, with {@code pact <file>}, checks a pact) and prints what the user would read.
 */
final class NodeMissingProbe {

  private NodeMissingProbe() {}

  public static void main(String[] args) {
    if (args.length == 2 && args[0].equals("pact")) {
      try {
        PactCheck.ofBundledContract().verify(java.nio.file.Paths.get(args[1]));
        System.out.println("checked " + args[1]);
      } catch (IllegalStateException e) {
        System.out.println(e.getMessage());
        System.exit(3);
      }
      return;
    }
    try (PrismMock mock = PrismMock.start()) {
      System.out.println("started on port " + mock.port());
    } catch (IllegalStateException e) {
      System.out.println(e.getMessage());
      System.exit(3);
    }
  }
}
