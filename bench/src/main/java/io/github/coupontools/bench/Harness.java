package io.github.coupontools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.coupontools.mock.CouponToolsSimulator;
import io.github.coupontools.mock.PrismMock;
import io.github.coupontools.sdk.CouponToolsClient;
import io.github.coupontools.sdk.model.ListCouponSessionsRequest;
import io.github.coupontools.sdk.model.ListCouponSessionsResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The measurements that are not JMH benchmarks: auto-pagination time and heap, cold start in
 * fresh JVMs, the Prism mock's start and throughput, the SDK's jar footprint. Writes them as JSON
 * ({@code --out FILE}); {@link Report} turns them and the JMH results into the results file.
 *
 * <p>Options: {@code --out FILE --jar benchmarks.jar --sdk-jar FILE --sdk-classpath FILE
 * [--cold-reps 3] [--prism-seconds 5] [--parts pagination,coldstart,prism,footprint]}.
 */
public final class Harness {

  static final int[] PAGINATION_SIZES = {10_000, 100_000};
  static final List<Clients> COLD_START_CLIENTS = List.of(Clients.floor, Clients.sdkJersey,
      Clients.sdk);
  static final int PRISM_THREADS = 8;

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private Harness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    List<String> parts = Arrays.asList(options.getOrDefault("parts",
        "pagination,coldstart,prism,footprint").split(","));
    Map<String, Object> results = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    try (ExampleServer server = ExampleServer.start()) {
      if (parts.contains("pagination")) {
        run("pagination", failures, results, () -> pagination(server));
      }
      if (parts.contains("coldstart")) {
        run("coldStart", failures, results, () -> coldStart(server, Paths.get(options.get("jar")),
            Integer.parseInt(options.getOrDefault("cold-reps", "3"))));
      }
    }
    if (parts.contains("prism")) {
      run("prism", failures, results,
          () -> prism(Integer.parseInt(options.getOrDefault("prism-seconds", "5"))));
    }
    if (parts.contains("footprint")) {
      run("footprint", failures, results, () -> footprint(Paths.get(options.get("sdk-jar")),
          Paths.get(options.get("sdk-classpath"))));
    }
    results.put("failures", failures);
    Path out = Paths.get(options.get("out"));
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
    System.out.println("harness: wrote " + out + (failures.isEmpty() ? "" : ", failed: " + failures));
    System.exit(0);
  }

  interface Part {
    Object measure() throws Exception;
  }

  private static void run(String name, List<String> failures, Map<String, Object> results,
      Part part) {
    long started = System.nanoTime();
    System.out.println("harness: " + name + " ...");
    try {
      results.put(name, part.measure());
    } catch (Exception | Error e) {
      e.printStackTrace();
      failures.add(name + ": " + e);
      results.put(name, Map.of("error", String.valueOf(e)));
    }
    System.out.printf("harness: %s done in %.1f s%n", name, (System.nanoTime() - started) / 1e9);
  }

  // ------------------------------------------------------------------ pagination

  static Object pagination(ExampleServer server) {
    List<Map<String, Object>> runs = new ArrayList<>();
    try (CouponToolsClient client = Clients.sdkClient(server.baseUrl())) {
      ListCouponSessionsRequest request = new ListCouponSessionsRequest().campaign("cam_123456");
      // Warm-up: the same code paths, so that the timed runs measure compiled code.
      server.sessions(10_000);
      count(client, request, 0);
      count(client, request, 0);

      long onePage = onePageRetained(client);
      for (int sessions : PAGINATION_SIZES) {
        server.sessions(sessions);
        long started = System.nanoTime();
        long seen = count(client, request, 0);
        double seconds = (System.nanoTime() - started) / 1e9;
        // A second pass measures the heap: every N/20 sessions a full GC and the live heap.
        long[] heap = new long[2];
        long baseline = usedAfterGc();
        heap[1] = 0;
        count(client, request, sessions / 20, () -> heap[1] = Math.max(heap[1],
            usedAfterGc() - baseline));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("sessions", sessions);
        run.put("sessionsSeen", seen);
        run.put("pages", (sessions + ExampleServer.PAGE_SIZE - 1) / ExampleServer.PAGE_SIZE + 1);
        run.put("seconds", round(seconds, 3));
        run.put("sessionsPerSecond", Math.round(seen / seconds));
        run.put("heapGrowthBytes", heap[1]);
        run.put("checkpoints", 20);
        runs.add(run);
        if (seen != sessions) {
          throw new IllegalStateException("saw " + seen + " of " + sessions + " sessions");
        }
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("pageSize", ExampleServer.PAGE_SIZE);
      result.put("onePageRetainedBytes", onePage);
      result.put("runs", runs);
      return result;
    }
  }

  private static long count(CouponToolsClient client, ListCouponSessionsRequest request,
      int every) {
    return count(client, request, every, () -> { });
  }

  private static long count(CouponToolsClient client, ListCouponSessionsRequest request,
      int every, Runnable checkpoint) {
    LongAdder seen = new LongAdder();
    client.couponSessionPages().all(request).forEach(session -> {
      seen.increment();
      if (every > 0 && seen.sum() % every == 0) {
        checkpoint.run();
      }
    });
    return seen.sum();
  }

  /** Live heap held by one parsed page of sessions. */
  private static long onePageRetained(CouponToolsClient client) {
    long baseline = usedAfterGc();
    ListCouponSessionsResponse page = client.couponSessions()
        .listCouponSessions(new ListCouponSessionsRequest().campaign("cam_123456").page(1));
    long held = usedAfterGc() - baseline;
    Reference.reachabilityFence(page);
    return held;
  }

  private static long usedAfterGc() {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 2; i++) {
      System.gc();
      least = Math.min(least, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return least;
  }

  // ------------------------------------------------------------------ cold start

  static Object coldStart(ExampleServer server, Path jar, int reps) throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Map<String, List<Map<String, Long>>> byClient = new LinkedHashMap<>();
    for (int rep = 0; rep < reps; rep++) {
      for (Clients kind : COLD_START_CLIENTS) {
        List<String> command = List.of(java, "-Dsun.net.httpserver.nodelay=true", "-cp",
            jar.toString(), ColdStart.class.getName(), kind.name(), server.baseUrl().toString());
        long launched = System.currentTimeMillis();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String done = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            output.append(line).append('\n');
            if (line.startsWith("done ")) {
              done = line;
            }
          }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || done == null) {
          process.destroyForcibly();
          throw new IllegalStateException(kind + " cold start failed:\n" + output);
        }
        String[] fields = done.split(" ");
        Map<String, Long> sample = new LinkedHashMap<>();
        sample.put("launchToFirstCallMs", Long.parseLong(fields[1]) - launched);
        sample.put("mainToFirstCallMs", Long.parseLong(fields[2]));
        byClient.computeIfAbsent(kind.name(), k -> new ArrayList<>()).add(sample);
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("repetitions", reps);
    result.put("operation", "listCoupons");
    Map<String, Object> clients = new LinkedHashMap<>();
    byClient.forEach((kind, samples) -> {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("label", Clients.valueOf(kind).label);
      summary.put("launchToFirstCallMs", samples.stream()
          .map(s -> s.get("launchToFirstCallMs")).collect(Collectors.toList()));
      summary.put("mainToFirstCallMs", samples.stream()
          .map(s -> s.get("mainToFirstCallMs")).collect(Collectors.toList()));
      summary.put("medianLaunchToFirstCallMs",
          median(samples.stream().map(s -> s.get("launchToFirstCallMs"))));
      summary.put("medianMainToFirstCallMs",
          median(samples.stream().map(s -> s.get("mainToFirstCallMs"))));
      clients.put(kind, summary);
    });
    result.put("clients", clients);
    return result;
  }

  private static long median(java.util.stream.Stream<Long> values) {
    List<Long> sorted = values.sorted().collect(Collectors.toList());
    return sorted.get(sorted.size() / 2);
  }

  // ------------------------------------------------------------------ Prism

  /** The stateless mock, then the simulator on the same operation: side by side in one run. */
  static Object prism(int seconds) throws Exception {
    long started = System.nanoTime();
    Map<String, Object> result = new LinkedHashMap<>();
    try (PrismMock prism = PrismMock.start()) {
      result.put("readyMs", (System.nanoTime() - started) / 1_000_000);
      throughput(result, prism.baseUrl(), seconds);
      long stopping = System.nanoTime();
      prism.close();
      result.put("stopMs", (System.nanoTime() - stopping) / 1_000_000);
      result.put("stillRunning", prism.isRunning());
    }
    Map<String, Object> simulated = new LinkedHashMap<>();
    started = System.nanoTime();
    try (CouponToolsSimulator simulator = CouponToolsSimulator.start()) {
      simulated.put("readyMs", (System.nanoTime() - started) / 1_000_000);
      throughput(simulated, simulator.baseUrl(), seconds);
      simulated.put("invalidResponses", simulator.invalidResponses());
      long stopping = System.nanoTime();
      simulator.close();
      simulated.put("stopMs", (System.nanoTime() - stopping) / 1_000_000);
      simulated.put("stillRunning", simulator.isRunning());
    }
    result.put("simulator", simulated);
    return result;
  }

  private static void throughput(Map<String, Object> result, URI baseUrl, int seconds)
      throws Exception {
    result.put("operation", "listCoupons");
    result.put("threads", PRISM_THREADS);
    result.put("logLevel", "warn");
    try (Clients.Call call = Clients.floor.open(baseUrl, Operation.listCoupons)) {
      load(call, PRISM_THREADS, 1);
      long[] counts = load(call, PRISM_THREADS, seconds);
      result.put("seconds", seconds);
      result.put("requests", counts[0]);
      result.put("errors", counts[1]);
      result.put("requestsPerSecond", Math.round(counts[0] / (double) seconds));
    }
  }

  /** Calls from several threads for a while: {successful calls, errors}. */
  private static long[] load(Clients.Call call, int threads, int seconds)
      throws InterruptedException {
    AtomicBoolean running = new AtomicBoolean(true);
    LongAdder ok = new LongAdder();
    LongAdder errors = new LongAdder();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread worker = new Thread(() -> {
        while (running.get()) {
          try {
            if (Operation.listCoupons.check.test(call.get())) {
              ok.increment();
            } else {
              errors.increment();
            }
          } catch (RuntimeException e) {
            errors.increment();
          }
        }
      });
      worker.start();
      workers.add(worker);
    }
    Thread.sleep(seconds * 1000L);
    running.set(false);
    for (Thread worker : workers) {
      worker.join();
    }
    return new long[] {ok.sum(), errors.sum()};
  }

  // ------------------------------------------------------------------ footprint

  static Object footprint(Path sdkJar, Path classpathFile) throws IOException {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("sdkJar", sdkJar.getFileName().toString());
    result.put("sdkJarBytes", Files.size(sdkJar));
    List<Path> jars = Arrays.stream(Files.readString(classpathFile).trim().split(
        java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Paths::get)
        .collect(Collectors.toList());
    long total = 0;
    List<Map<String, Object>> dependencies = new ArrayList<>();
    for (Path jar : jars) {
      long size = Files.size(jar);
      total += size;
      Map<String, Object> dependency = new LinkedHashMap<>();
      dependency.put("jar", jar.getFileName().toString());
      dependency.put("bytes", size);
      dependencies.add(dependency);
    }
    dependencies.sort(Comparator.comparing(d -> -((Long) d.get("bytes"))));
    result.put("runtimeDependencies", jars.size());
    result.put("runtimeDependenciesBytes", total);
    result.put("totalBytes", total + Files.size(sdkJar));
    result.put("dependencies", dependencies);
    return result;
  }

  // ------------------------------------------------------------------ helpers

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
