package io.github.coupontools.mock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running mock of the Coupontools API (Prism's engine) on 127.0.0.1 and a free port.
 *
 * <p>Start one with {@link #start()} (or let {@link CouponToolsMockExtension} do it) and close it
 * when done; a JVM shutdown hook stops it too, so an interrupted run leaves no process behind.
 * Prism accepts any non-empty credentials ({@link #CLIENT_ID}, {@link #CLIENT_SECRET}) and
 * answers requests without them with the documented authentication failure (HTTP 401).
 * Any documented response can be requested with the header
 * {@code Prefer: code=422, example=campaignNotFound}; a name the operation does not document gets
 * a 404 saying which names it has. An invalid request gets the documented error of the field that
 * is wrong (or the API's generic parameter error when none is documented for it).
 */
public final class PrismMock implements AutoCloseable {

  /** A client id the mock accepts. */
  public static final String CLIENT_ID = "mock-client-id";
  /** A client secret the mock accepts. */
  public static final String CLIENT_SECRET = "mock-client-secret";
  /** System property naming the OpenAPI file to serve instead of the bundled contract. */
  public static final String SPEC_PROPERTY = "coupontools.spec";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final int LOG_LINES = 40;

  private final Process process;
  private final URI baseUrl;
  private final Deque<String> log = new ArrayDeque<>();
  private final Thread shutdownHook;

  private PrismMock(Process process, int port) {
    this.process = process;
    this.baseUrl = URI.create("http://127.0.0.1:" + port);
    this.shutdownHook = new Thread(this::stopProcess, "coupontools-mock-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    Thread drain = new Thread(this::drainOutput, "coupontools-mock-log");
    drain.setDaemon(true);
    drain.start();
  }

  /**
   * Starts the mock serving the contract on a free port and waits until it answers: Prism's
   * engine with the layer {@code coupontools-mock.js} that answers an invalid request with the
   * documented error of the field that is wrong.
   */
  public static PrismMock start() {
    return start(PrismInstallation.mockScript(), List.of());
  }

  /** Starts {@code script} (the mock layer or the simulator) with Prism's packages and the spec. */
  static PrismMock start(Path script, List<String> options) {
    Path prism = PrismInstallation.locate();
    Path nodeModules = PrismInstallation.nodeModules(prism);
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(PrismInstallation.nodeCommand(),
        script.toString(), "--host", "127.0.0.1",
        "--port", Integer.toString(port), "-v", "warn"));
    command.addAll(options);
    command.add(spec().toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // The script is a temporary copy; it finds Prism's packages through NODE_PATH.
    builder.environment().put("NODE_PATH", nodeModules.toString());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(PrismInstallation.nodeMissingMessage(), e);
    }
    PrismMock mock = new PrismMock(process, port);
    try {
      mock.awaitReady(port);
    } catch (RuntimeException e) {
      mock.close();
      throw e;
    }
    return mock;
  }

  static Path spec() {
    String configured = System.getProperty(SPEC_PROPERTY);
    return configured == null || configured.isBlank()
        ? PrismInstallation.bundledSpec() : Paths.get(configured);
  }

  /** Base URL of the mock, for example {@code http://127.0.0.1:41234}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Port the mock listens on. */
  public int port() {
    return baseUrl.getPort();
  }

  /** Process id of the Prism process. */
  public long pid() {
    return process.pid();
  }

  /** Whether the Prism process is still running. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** The last lines Prism printed, for diagnosing a failing test. */
  public String recentLog() {
    synchronized (log) {
      return String.join(System.lineSeparator(), log);
    }
  }

  /** Stops Prism (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
  @Override
  public void close() {
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or has run: nothing left to remove.
    }
  }

  private void stopProcess() {
    List<ProcessHandle> children = new ArrayList<>();
    process.descendants().forEach(children::add);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private void awaitReady(int port) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        if (process.exitValue() == 127) {
          throw new IllegalStateException(PrismInstallation.nodeMissingMessage());
        }
        throw new IllegalStateException("Prism exited with code " + process.exitValue()
            + " before it was ready:" + System.lineSeparator() + recentLog());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    throw new IllegalStateException("Prism did not answer on port " + port + " within "
        + READY_TIMEOUT.toSeconds() + " s:" + System.lineSeparator() + recentLog());
  }

  private void drainOutput() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        synchronized (log) {
          if (log.size() == LOG_LINES) {
            log.removeFirst();
          }
          log.addLast(line);
        }
      }
    } catch (IOException streamClosed) {
      // Prism exited; nothing more to read.
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on 127.0.0.1", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Prism", e);
    }
  }

  @Override
  public String toString() {
    return "PrismMock[" + baseUrl + ", pid " + process.pid() + "]";
  }
}
