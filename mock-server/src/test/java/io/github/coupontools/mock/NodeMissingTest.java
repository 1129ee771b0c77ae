package io.github.coupontools.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without Node.js on the PATH the mock fails with one sentence saying what to install, both
 * before Prism is installed (npm missing) and when an installed Prism cannot be run (node
 * missing). Each case runs {@link NodeMissingProbe} in a JVM whose PATH is an empty folder.
 */
class NodeMissingTest {

  @TempDir
  Path emptyPath;

  @TempDir
  Path emptyCache;

  @Test
  void anEmptyCacheWithoutNpmFailsWithTheOneSentenceSayingToInstallNodeJs() throws Exception {
    String out = runWithoutNode("-D" + PrismInstallation.CACHE_PROPERTY + "=" + emptyCache);

    assertThat(out).isEqualTo(PrismInstallation.nodeMissingMessage());
    assertOneSentence(out);
  }

  @Test
  void anInstalledPrismWithoutNodeFailsWithTheOneSentenceSayingToInstallNodeJs()
      throws Exception {
    Path prism = Paths.get("node_modules/.bin/prism").toAbsolutePath();
    assertThat(prism).as("Prism installed by the build's npm step").isExecutable();

    String out = runWithoutNode("-D" + PrismInstallation.PRISM_PROPERTY + "=" + prism);

    assertThat(out).isEqualTo(PrismInstallation.nodeMissingMessage());
    assertOneSentence(out);
  }

  @Test
  void checkingAPactWithoutNodeFailsWithTheSameSentence() throws Exception {
    Path prism = Paths.get("node_modules/.bin/prism").toAbsolutePath();
    Path pact = Files.writeString(emptyCache.resolve("shop-coupontools-api.json"),
        "{\"consumer\":{\"name\":\"shop\"},\"provider\":{\"name\":\"coupontools-api\"},"
            + "\"interactions\":[]}");

    String out = runWithoutNode("-D" + PrismInstallation.PRISM_PROPERTY + "=" + prism,
        "pact", pact.toString());

    assertThat(out).isEqualTo(PrismInstallation.nodeMissingMessage());
  }

  private static void assertOneSentence(String message) {
    assertThat(message).doesNotContain("\n").doesNotContain(". ").endsWith(".")
        .contains("Node.js").contains(PrismInstallation.PRISM_PROPERTY);
  }

  /** Runs the probe with PATH set to an empty folder; returns its output, expecting exit 3. */
  private String runWithoutNode(String setting, String... args) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, setting));
    command.add(NodeMissingProbe.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PATH", emptyPath.toString());
    builder.environment().remove(PrismInstallation.PRISM_ENV);
    builder.environment().remove(PrismInstallation.CACHE_ENV);
    Path stdout = emptyPath.resolveSibling(emptyPath.getFileName() + ".out");
    Path stderr = emptyPath.resolveSibling(emptyPath.getFileName() + ".err");
    Process probe = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    try {
      assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
    } finally {
      probe.destroyForcibly();
    }
    String out = Files.readString(stdout, StandardCharsets.UTF_8).trim();
    assertThat(probe.exitValue()).as("exit of the probe; stdout %s; stderr %s", out,
        Files.readString(stderr, StandardCharsets.UTF_8)).isEqualTo(3);
    Files.deleteIfExists(stdout);
    Files.deleteIfExists(stderr);
    return out;
  }
}
