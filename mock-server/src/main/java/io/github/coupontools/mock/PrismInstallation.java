package io.github.coupontools.mock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the Prism executable that serves the mock, installing the pinned version with npm when
 * none is there.
 *
 * <p>Looked up in this order: the system property {@value #PRISM_PROPERTY} or the environment
 * variable {@value #PRISM_ENV}; {@code node_modules/.bin/prism} or
 * {@code mock-server/node_modules/.bin/prism} in the working directory or one of its parents;
 * otherwise the version pinned by this artifact's {@code package-lock.json} is installed once into
 * {@code ~/.cache/coupontools-mock/<version>} with {@code npm ci}.
 */
public final class PrismInstallation {

  /** System property naming the Prism executable. */
  public static final String PRISM_PROPERTY = "coupontools.prism";
  /** Environment variable naming the Prism executable. */
  public static final String PRISM_ENV = "COUPONTOOLS_PRISM";

  /** Where the coupontools-openapi jar carries the contract. */
  private static final String CONTRACT = "/io/github/coupontools/openapi/coupontools.yaml";
  private static final String NPM_RESOURCES = "npm/";
  private static final String NODE_MISSING =
      "The Coupontools mock needs Node.js 18+ with npm on the PATH to run Prism: install Node.js"
          + " (https://nodejs.org or your package manager), or set -D" + PRISM_PROPERTY
          + " to an installed Prism executable.";

  private PrismInstallation() {}

  /** Returns the Prism executable to run, installing it first if needed. */
  public static Path locate() {
    Optional<Path> configured = configured();
    if (configured.isPresent()) {
      Path prism = configured.get();
      if (!Files.isExecutable(prism)) {
        throw new IllegalStateException("Prism was configured at " + prism + " (" + PRISM_PROPERTY
            + " / " + PRISM_ENV + ") but that file does not exist or is not executable: run"
            + " 'mock-server/install' or point it at an installed Prism.");
      }
      return prism;
    }
    return nearby().orElseGet(PrismInstallation::installIntoCache);
  }

  private static Optional<Path> configured() {
    String value = System.getProperty(PRISM_PROPERTY);
    if (value == null || value.isBlank()) {
      value = System.getenv(PRISM_ENV);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(Paths.get(value));
  }

  private static Optional<Path> nearby() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate : List.of(dir.resolve("node_modules/.bin/prism"),
          dir.resolve("mock-server/node_modules/.bin/prism"))) {
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static Path installIntoCache() {
    String lock = resource("package-lock.json");
    String version = Integer.toHexString(lock.hashCode());
    Path home = Paths.get(System.getProperty("user.home"), ".cache", "coupontools-mock", version);
    Path prism = home.resolve("node_modules/.bin/prism");
    if (Files.isExecutable(prism)) {
      return prism;
    }
    try {
      Files.createDirectories(home);
      Files.writeString(home.resolve("package.json"), resource("package.json"));
      Files.writeString(home.resolve("package-lock.json"), lock);
      Process npm = new ProcessBuilder(npmCommand(), "ci", "--omit=dev", "--ignore-scripts",
          "--no-audit", "--no-fund", "--loglevel=error")
          .directory(home.toFile())
          .redirectErrorStream(true)
          .redirectOutput(home.resolve("npm-install.log").toFile())
          .start();
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        npm.destroyForcibly();
        throw new IllegalStateException("Installing Prism with 'npm ci' in " + home
            + " failed; see " + home.resolve("npm-install.log") + ".");
      }
    } catch (IOException e) {
      throw new IllegalStateException(NODE_MISSING, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while installing Prism into " + home, e);
    }
    return prism;
  }

  private static String npmCommand() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")
        ? "npm.cmd" : "npm";
  }

  private static String resource(String name) {
    try (InputStream in = PrismInstallation.class.getResourceAsStream(NPM_RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("The coupontools-mock jar lacks " + NPM_RESOURCES + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code node_modules} directory holding the given Prism executable's packages. */
  static Path nodeModules(Path prism) {
    try {
      for (Path dir = prism.toRealPath().getParent(); dir != null; dir = dir.getParent()) {
        if (dir.getFileName() != null && dir.getFileName().toString().equals("node_modules")) {
          return dir;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("Prism at " + prism + " is not inside a node_modules directory,"
        + " so the mock cannot load Prism's packages: point " + PRISM_PROPERTY
        + " at node_modules/.bin/prism of an 'npm ci' of this artifact's package.json.");
  }

  static String nodeCommand() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")
        ? "node.exe" : "node";
  }

  /** Copies the bundled mock layer (coupontools-mock.js) to a temporary file node can run. */
  static Path mockScript() {
    try {
      Path script = Files.createTempFile("coupontools-mock-", ".js");
      script.toFile().deleteOnExit();
      Files.writeString(script, resource("coupontools-mock.js"));
      return script;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the contract of coupontools-openapi to a temporary file Prism can read. */
  static Path bundledSpec() {
    try (InputStream in = PrismInstallation.class.getResourceAsStream(CONTRACT)) {
      if (in == null) {
        throw new IllegalStateException(CONTRACT + " is missing: the mock needs"
            + " io.github.coupontools-java:coupontools-openapi on the classpath");
      }
      Path spec = Files.createTempFile("coupontools-", ".yaml");
      spec.toFile().deleteOnExit();
      Files.copy(in, spec, StandardCopyOption.REPLACE_EXISTING);
      return spec;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String nodeMissingMessage() {
    return NODE_MISSING;
  }
}
