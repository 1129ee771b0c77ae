package io.github.coupontools.mock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Prism executable that serves the mock, installing the pinned version with npm when
 * none is there.
 *
 * <p>Looked up in this order: the system property {@value #PRISM_PROPERTY} or the environment
 * variable {@value #PRISM_ENV}; {@code node_modules/.bin/prism} or
 * {@code mock-server/node_modules/.bin/prism} in the working directory or one of its parents;
 * otherwise the version pinned by this artifact's {@code package-lock.json} is installed once into
 * {@code ~/.cache/coupontools-mock/<version>} with {@code npm ci}. Setting the cache folder
 * ({@value #CACHE_PROPERTY} or {@value #CACHE_ENV}) skips the look-around: that folder's
 * installation is used, as in CI, where it is cached between builds.
 *
 * <p>{@code java -cp coupontools-mock-<version>.jar io.github.coupontools.mock.PrismInstallation}
 * installs Prism into the cache folder ahead of the tests (for a CI cache) and prints its path.
 */
public final class PrismInstallation {

  /** System property naming the Prism executable. */
  public static final String PRISM_PROPERTY = "coupontools.prism";
  /** Environment variable naming the Prism executable. */
  public static final String PRISM_ENV = "COUPONTOOLS_PRISM";
  /** System property naming the folder Prism is installed into and reused from. */
  public static final String CACHE_PROPERTY = "coupontools.mock.cache";
  /** Environment variable naming the folder Prism is installed into and reused from. */
  public static final String CACHE_ENV = "COUPONTOOLS_MOCK_CACHE";

  // Measured: `npm ci --omit=dev` of the pinned lockfile (Prism and the pact validator) unpacks about
  // this much.
  private static final int DOWNLOAD_MB = 105;
  private static final System.Logger LOG = System.getLogger(PrismInstallation.class.getName());

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
    Optional<Path> cache = setting(CACHE_PROPERTY, CACHE_ENV);
    if (cache.isPresent()) {
      return installIntoCache(cache.get());
    }
    return nearby().orElseGet(() -> installIntoCache(
        Paths.get(System.getProperty("user.home"), ".cache", "coupontools-mock")));
  }

  /**
   * Installs Prism into the cache folder unless it is there, and prints the executable's path:
   * the prefetch step of a CI job that caches that folder.
   */
  public static void main(String[] args) {
    System.out.println(locate());
  }

  private static Optional<Path> configured() {
    return setting(PRISM_PROPERTY, PRISM_ENV);
  }

  private static Optional<Path> setting(String property, String env) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
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

  private static Path installIntoCache(Path cache) {
    String lock = resource("package-lock.json");
    String version = Integer.toHexString(lock.hashCode());
    Path home = cache.resolve(version).toAbsolutePath();
    Path prism = home.resolve("node_modules/.bin/prism");
    if (Files.isExecutable(prism)) {
      return prism;
    }
    LOG.log(System.Logger.Level.INFO, "Installing Prism " + prismVersion() + " for the Coupontools"
        + " mock with npm, once: about " + DOWNLOAD_MB + " MB into " + home + " (prefetch it, for"
        + " example for a CI cache, with: java -cp " + ownJar() + " " + PrismInstallation.class.getName()
        + ")");
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

  private static String prismVersion() {
    Matcher version = Pattern.compile("\"@stoplight/prism-cli\"\\s*:\\s*\"([^\"]+)\"")
        .matcher(resource("package.json"));
    return version.find() ? version.group(1) : "";
  }

  private static String ownJar() {
    try {
      return Paths.get(PrismInstallation.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI()).toString();
    } catch (URISyntaxException | RuntimeException e) {
      return "coupontools-mock.jar";
    }
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
    return npmResourceCopy("coupontools-mock.js");
  }

  /** Copies one of the bundled node scripts to a temporary file node can run. */
  static Path npmResourceCopy(String name) {
    try {
      Path script = Files.createTempFile("coupontools-mock-", "-" + name);
      script.toFile().deleteOnExit();
      Files.writeString(script, resource(name));
      return script;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies the simulator (coupontools-simulator.js) and the mock layer it builds on into a
   * temporary folder node can run them from, and returns the simulator's path.
   */
  static Path simulatorScript() {
    try {
      Path dir = Files.createTempDirectory("coupontools-simulator-");
      dir.toFile().deleteOnExit();
      for (String name : List.of("coupontools-mock.js", "coupontools-simulator.js")) {
        Path file = dir.resolve(name);
        Files.writeString(file, resource(name));
        file.toFile().deleteOnExit();
      }
      return dir.resolve("coupontools-simulator.js");
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
