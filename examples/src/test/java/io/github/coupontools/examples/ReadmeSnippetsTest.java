package io.github.coupontools.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of the README is a {@code // snippet:} region of a compiled example or
 * consumer project (which the build also runs against the mock), so the README cannot show code
 * that does not compile.
 */
class ReadmeSnippetsTest {

  private static final Pattern README_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern EXAMPLE_REGION =
      Pattern.compile("// snippet:[\\w-]+\\n(.*?)// end-snippet", Pattern.DOTALL);

  @Test
  void everyJavaSnippetOfTheReadmeComesFromAnExample() throws IOException {
    Path root = Paths.get(System.getProperty("coupontools.spec")).getParent().getParent();
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    List<String> regions = new ArrayList<>();
    // The consumer projects (built by consumer-tests) hold the snippets about users' own builds.
    for (String dir : List.of("examples/src/main/java", "consumer-tests/src/it")) {
      try (Stream<Path> sources = Files.walk(root.resolve(dir))) {
        for (Path source : sources.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
          Matcher region = EXAMPLE_REGION.matcher(Files.readString(source, StandardCharsets.UTF_8));
          while (region.find()) {
            regions.add(normalize(region.group(1)));
          }
        }
      }
    }
    List<String> blocks = new ArrayList<>();
    Matcher block = README_BLOCK.matcher(readme);
    while (block.find()) {
      blocks.add(normalize(block.group(1)));
    }

    assertThat(regions).as("snippet regions in examples").isNotEmpty();
    assertThat(blocks).as("java blocks in README.md").hasSizeGreaterThanOrEqualTo(4);
    for (String snippet : blocks) {
      assertThat(regions).as("README snippet not found in any example's // snippet: region:%n%s",
          snippet).contains(snippet);
    }
  }

  /** Indentation-insensitive: the README shows the snippet without the method's indentation. */
  private static String normalize(String code) {
    return code.lines().map(String::strip).filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
