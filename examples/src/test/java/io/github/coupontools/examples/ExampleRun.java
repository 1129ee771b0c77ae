package io.github.coupontools.examples;

import io.github.coupontools.mock.PrismMock;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an example's main class in its own JVM, as a user would, against the mock. */
final class ExampleRun {

  final int exitCode;
  final String stdout;
  final String stderr;

  private ExampleRun(int exitCode, String stdout, String stderr) {
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static ExampleRun of(Class<?> example, URI mock, String... args)
      throws IOException, InterruptedException {
    return withPrefer(null, example, mock, args);
  }

  /** Runs the example with the mock answering the given {@code Prefer} (a documented example). */
  static ExampleRun withPrefer(String prefer, Class<?> example, URI mock, String... args)
      throws IOException, InterruptedException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Path out = Files.createTempFile("example-", ".out");
    Path err = Files.createTempFile("example-", ".err");
    try {
      List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-cp",
          System.getProperty("java.class.path"), example.getName()));
      command.addAll(List.of(args));
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("COUPONTOOLS_BASE_URL", mock.toString());
      builder.environment().put("COUPONTOOLS_CLIENT_ID", PrismMock.CLIENT_ID);
      builder.environment().put("COUPONTOOLS_CLIENT_SECRET", PrismMock.CLIENT_SECRET);
      if (prefer != null) {
        builder.environment().put("COUPONTOOLS_PREFER", prefer);
      }
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(example.getSimpleName() + " did not finish within 60 s");
      }
      return new ExampleRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
  }
}
