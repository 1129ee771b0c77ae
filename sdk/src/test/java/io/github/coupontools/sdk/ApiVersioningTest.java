package io.github.coupontools.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Semantic versions, held by the public-API description: the version being built must be far
 * enough from the last release's description in {@code sdk/api/released/} (one file per release,
 * {@code coupontools-sdk-<version>.api}, a copy of {@code coupontools-sdk.api} made when releasing).
 * A removed or changed public member needs a major version (before 1.0: a minor one), an added one
 * a minor version (before 1.0: any bump). The {@code .internal} package is not a supported API.
 */
class ApiVersioningTest {

  private static final Path DESCRIPTION = Paths.get("api", "coupontools-sdk.api");
  private static final Path RELEASED = Paths.get("api", "released");
  private static final Pattern RELEASE_FILE =
      Pattern.compile("coupontools-sdk-(\\d+\\.\\d+\\.\\d+)\\.api");

  @Test
  void theVersionBeingBuiltIsFarEnoughFromTheLastReleasesPublicApi() throws IOException {
    Optional<Path> last = lastRelease();
    String version = CouponToolsClient.VERSION;
    assertThat(version).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    if (last.isEmpty()) {
      // Nothing released yet: no surface to keep. The rule itself is tested below.
      assertThat(Files.list(RELEASED).filter(Files::isRegularFile)
          .map(path -> path.getFileName().toString()).filter(name -> !name.equals("README.md")))
          .as("files in %s not named coupontools-sdk-<version>.api", RELEASED).isEmpty();
      return;
    }
    Matcher released = RELEASE_FILE.matcher(last.get().getFileName().toString());
    assertThat(released.matches()).isTrue();
    assertThat(problem(released.group(1), Files.readAllLines(last.get()), version,
        Files.readAllLines(DESCRIPTION))).as("semantic version of %s against %s", version,
        last.get()).isEmpty();
  }

  @Test
  void aRemovedOrChangedMemberNeedsAMinorVersionBefore1AndAMajorOneFrom1() {
    List<String> released = List.of("class a.B", "  method public int a.B.size()");
    List<String> changed = List.of("class a.B", "  method public long a.B.size()");

    assertThat(problem("0.3.0", released, "0.3.1", changed)).hasValueSatisfying(text ->
        assertThat(text).contains("removed or changed").contains("method public int a.B.size()")
            .contains("0.4.0"));
    assertThat(problem("0.3.0", released, "0.4.0-SNAPSHOT", changed)).isEmpty();
    assertThat(problem("1.2.0", released, "1.3.0", changed)).hasValueSatisfying(text ->
        assertThat(text).contains("2.0.0"));
    assertThat(problem("1.2.0", released, "2.0.0", changed)).isEmpty();
  }

  @Test
  void anAddedMemberNeedsAMinorVersionFrom1AndAnyNewVersionBefore1() {
    List<String> released = List.of("class a.B", "  method public int a.B.size()");
    List<String> added = List.of("class a.B", "  method public int a.B.size()",
        "  method public boolean a.B.isEmpty()");

    assertThat(problem("1.2.0", released, "1.2.1", added)).hasValueSatisfying(text ->
        assertThat(text).contains("added").contains("isEmpty").contains("1.3.0"));
    assertThat(problem("1.2.0", released, "1.3.0", added)).isEmpty();
    assertThat(problem("0.3.0", released, "0.3.1", added)).isEmpty();
    assertThat(problem("0.3.0", released, "0.3.0", added)).hasValueSatisfying(text ->
        assertThat(text).contains("0.3.1"));
  }

  @Test
  void theInternalPackageAndAnUnchangedSurfaceNeedOnlyAPatch() {
    List<String> released = List.of("class a.internal.C", "  method public void a.internal.C.run()",
        "class a.B", "  method public int a.B.size()");
    List<String> internalGone = List.of("class a.B", "  method public int a.B.size()");

    assertThat(problem("1.2.0", released, "1.2.1", internalGone)).isEmpty();
    assertThat(problem("1.2.0", released, "1.2.1-SNAPSHOT", released)).isEmpty();
  }

  /** Why {@code version} cannot follow {@code releasedVersion}, or empty when it can. */
  static Optional<String> problem(String releasedVersion, List<String> releasedApi, String version,
      List<String> api) {
    Set<String> before = supported(releasedApi);
    Set<String> now = supported(api);
    List<String> removed = before.stream().filter(line -> !now.contains(line))
        .collect(Collectors.toList());
    List<String> added = now.stream().filter(line -> !before.contains(line))
        .collect(Collectors.toList());
    int[] from = parse(releasedVersion);
    int[] to = parse(version);
    int[] needed;
    String why;
    if (!removed.isEmpty()) {
      needed = from[0] == 0 ? new int[] {0, from[1] + 1, 0} : new int[] {from[0] + 1, 0, 0};
      why = "removed or changed since " + releasedVersion + ": " + removed;
    } else if (!added.isEmpty()) {
      needed = from[0] == 0 ? new int[] {0, from[1], from[2] + 1}
          : new int[] {from[0], from[1] + 1, 0};
      why = "added since " + releasedVersion + ": " + added;
    } else {
      return Optional.empty();
    }
    if (compare(to, needed) >= 0) {
      return Optional.empty();
    }
    return Optional.of(why + "; needs version " + needed[0] + "." + needed[1] + "." + needed[2]
        + " or later, not " + version);
  }

  /** Each supported line of a description, a member prefixed by nothing (it names its type). */
  private static Set<String> supported(List<String> description) {
    Set<String> lines = new LinkedHashSet<>();
    boolean internal = false;
    for (String line : description) {
      if (line.isBlank()) {
        continue;
      }
      if (!line.startsWith(" ")) {
        internal = line.contains(".internal.");
      }
      if (!internal) {
        lines.add(line.trim());
      }
    }
    return lines;
  }

  private static int[] parse(String version) {
    String[] parts = version.replace("-SNAPSHOT", "").split("\\.");
    return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
        Integer.parseInt(parts[2])};
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }

  private static Optional<Path> lastRelease() throws IOException {
    List<Path> releases = new ArrayList<>();
    try (Stream<Path> files = Files.list(RELEASED)) {
      files.filter(file -> RELEASE_FILE.matcher(file.getFileName().toString()).matches())
          .forEach(releases::add);
    }
    return releases.stream().max(Comparator.comparing(file -> {
      Matcher m = RELEASE_FILE.matcher(file.getFileName().toString());
      m.matches();
      return parse(m.group(1));
    }, ApiVersioningTest::compare));
  }
}
