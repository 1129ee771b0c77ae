package io.github.coupontools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes {@code bench/results/<date>.md} and {@code <date>.json} from the JMH result files, the
 * error counts of the benchmark trials, the {@link Harness} results and a description of this
 * machine. Every ratio is against the floor (HttpURLConnection + Jackson) of the same run.
 *
 * <p>Options: {@code --out-dir DIR --date yyyy-MM-dd --jmh FILE[,FILE...]
 * [--jmh-rounds FILE,...] (the repeated 32-thread runs, rounds 2, 3, ...) --errors FILE
 * --harness FILE --started EPOCH_SECONDS --jmh-settings TEXT [--prewarm-seconds N]
 * --load-at-start TEXT
 * [--phase-NAME SECONDS ...]}.
 */
public final class Report {

  /** The SDK may cost at most this much more per call than the floor. */
  static final double TARGET = 1.20;
  static final List<String> MAIN_CLIENTS = List.of("floor", "jdkHttp", "sdkJersey", "sdk");
  static final List<String> OPERATIONS = List.of("listCoupons", "getCouponSession",
      "createSingleUseUrl");

  private final ObjectMapper json = new ObjectMapper();
  private final StringBuilder md = new StringBuilder();
  private final ObjectNode out = JsonNodeFactory.instance.objectNode();

  /** One JMH result: client, operation, threads. */
  static final class Row {
    String client;
    String operation;
    int threads;
    double mean;
    double p50;
    double p99;
    long samples;
    long calls = -1;
    long errors = -1;
    double cpuPerCall = Double.NaN;
    /** 1 for the runs of every client; 2, 3, ... for the repeated runs of floor and SDK. */
    int round = 1;
    long measuredCalls;
    long cpuNanos;
    /** The runs this row pools, in order (itself when run once). */
    List<Row> rounds = new ArrayList<>();
  }

  private Report() {}

  public static void main(String[] args) throws Exception {
    new Report().write(Harness.options(args));
  }

  private void write(Map<String, String> options) throws IOException {
    String date = options.get("date");
    Path dir = Paths.get(options.get("out-dir"));
    Files.createDirectories(dir);
    List<Row> rows = new ArrayList<>();
    for (String file : options.get("jmh").split(",")) {
      rows.addAll(readJmh(Paths.get(file), 1));
    }
    int round = 2;
    for (String file : options.getOrDefault("jmh-rounds", "").split(",")) {
      if (!file.isEmpty()) {
        rows.addAll(readJmh(Paths.get(file), round++));
      }
    }
    addErrors(rows, Paths.get(options.get("errors")));
    rows = pooled(rows);
    JsonNode harness = json.readTree(Paths.get(options.get("harness")).toFile());
    long total = System.currentTimeMillis() / 1000 - Long.parseLong(options.get("started"));

    out.put("date", date);
    out.put("command", "bench/run");
    ObjectNode wall = out.putObject("wallTimeSeconds");
    wall.put("total", total);
    options.forEach((key, value) -> {
      if (key.startsWith("phase-")) {
        wall.put(key.substring(6), Long.parseLong(value));
      }
    });
    Map<String, String> machine = machine(options.getOrDefault("load-at-start", ""));
    out.set("machine", json.valueToTree(machine));

    md.append("# Benchmarks ").append(date).append("\n\n");
    md.append("Written by `bench/run` (").append(minutes(total)).append(" wall time in all: ");
    List<String> phases = new ArrayList<>();
    wall.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("total")) {
        phases.add(e.getKey() + " " + minutes(e.getValue().asLong()));
      }
    });
    md.append(String.join(", ", phases)).append("). Machine-readable: `").append(date)
        .append(".json`.\n\n");

    md.append("## Machine\n\n| | |\n|---|---|\n");
    machine.forEach((key, value) -> md.append("| ").append(key).append(" | ")
        .append(value.replace("\n", "<br>").replace("|", "\\|")).append(" |\n"));
    md.append('\n');

    perCall(rows, options.getOrDefault("jmh-settings", ""),
        Integer.parseInt(options.getOrDefault("prewarm-seconds", "0")));
    pagination(harness.path("pagination"));
    coldStart(harness.path("coldStart"));
    prism(harness.path("prism"));
    footprint(harness.path("footprint"));
    if (harness.path("failures").size() > 0) {
      md.append("## Failures\n\n");
      harness.path("failures").forEach(f -> md.append("- ").append(f.asText()).append('\n'));
      out.set("failures", harness.path("failures"));
    }

    Path markdown = dir.resolve(date + ".md");
    Files.writeString(markdown, md.toString());
    json.enable(SerializationFeature.INDENT_OUTPUT).writeValue(
        dir.resolve(date + ".json").toFile(), out);
    System.out.println("report: wrote " + markdown + " and " + dir.resolve(date + ".json"));
  }

  // ------------------------------------------------------------------ 1. per call

  private void perCall(List<Row> rows, String settings, int prewarmSeconds) {
    md.append("## 1. Per-call cost\n\n");
    md.append("One POST and the parse of its answer into the generated response model, against an"
        + " in-process JDK `HttpServer` on 127.0.0.1 (`-Dsun.net.httpserver.nodelay=true`) that"
        + " answers the contract's documented `success` example instantly, the same for every"
        + " client. All benchmark threads share one client. JMH sample mode (`" + settings
        + "`)" + (prewarmSeconds == 0 ? "" : "; at 32 threads each trial first calls on 2 threads"
        + " for " + prewarmSeconds + " s: with 32 threads on 2 cores the JIT's compiler threads"
        + " get a small share of the CPU, and without it the SDK (more code to compile than the"
        + " floor) was still being compiled a minute into its 32-thread runs")
        + "; every client gets `-Dhttp.maxConnections=64` (the SDK's pool size) so the"
        + " HttpURLConnection keep-alive cache does not close connections at 32 threads. Throughput"
        + " of the closed loop = threads / mean latency. **Cost vs floor** = mean latency / the"
        + " floor's mean latency in the same run (= floor throughput / client throughput);"
        + " **CPU µs/call** = CPU time of the whole benchmark process (client, server, GC) per"
        + " call in the measurement iterations: the server's share is the same for every client,"
        + " and on 2 cores at 32 threads it is what bounds throughput. Errors count failed calls"
        + " and answers that are not the documented example, warm-up included.\n\n");
    md.append("Clients: **floor** = hand-written HttpURLConnection + Jackson; **jdkHttp** ="
        + " java.net.http.HttpClient (HTTP/1.1) + Jackson; **sdkJersey** = `CouponToolsClient` over"
        + " its optional `JerseyTransport` (a Jersey client on the Apache 5 connector);"
        + " **sdk** = `CouponToolsClient` with its default transport and all its runtime"
        + " (validation, retries with the default 2, error mapping, SLF4J logging at INFO through"
        + " slf4j-simple).\n\n");

    ObjectNode perCall = out.putObject("perCall");
    perCall.put("settings", settings);
    perCall.put("prewarmSecondsAt32Threads", prewarmSeconds);
    perCall.put("targetSdkVsFloor", TARGET);
    ArrayNode results = perCall.putArray("results");
    ObjectNode summary = perCall.putObject("summary");

    md.append("### Summary: cost vs floor (geometric mean over the three operations)\n\n");
    md.append("| client | 1 thread | 32 threads | worst operation, 1 / 32 threads | CPU per call,"
        + " 1 / 32 threads | errors |\n|---|---|---|---|---|---|\n");
    for (String client : MAIN_CLIENTS) {
      ObjectNode clientSummary = summary.putObject(client);
      StringBuilder line = new StringBuilder("| " + client + " |");
      StringBuilder worst = new StringBuilder();
      StringBuilder cpu = new StringBuilder();
      long errors = 0;
      long calls = 0;
      for (int threads : new int[] {1, 32}) {
        double logSum = 0;
        double cpuLogSum = 0;
        int n = 0;
        int cpuN = 0;
        double max = 0;
        for (String operation : OPERATIONS) {
          Row row = find(rows, client, operation, threads);
          Row floor = find(rows, "floor", operation, threads);
          if (row == null || floor == null) {
            continue;
          }
          double ratio = row.mean / floor.mean;
          logSum += Math.log(ratio);
          n++;
          max = Math.max(max, ratio);
          if (!Double.isNaN(row.cpuPerCall * floor.cpuPerCall)) {
            cpuLogSum += Math.log(row.cpuPerCall / floor.cpuPerCall);
            cpuN++;
          }
          errors += Math.max(row.errors, 0);
          calls += Math.max(row.calls, 0);
        }
        double geo = n == 0 ? Double.NaN : Math.exp(logSum / n);
        clientSummary.put("threads" + threads + "Geomean", round(geo));
        clientSummary.put("threads" + threads + "Worst", round(max));
        double cpuGeo = cpuN == 0 ? Double.NaN : Math.exp(cpuLogSum / cpuN);
        if (cpuN > 0) {
          clientSummary.put("threads" + threads + "CpuGeomean", round(cpuGeo));
        }
        cpu.append(cpu.length() == 0 ? "" : " / ").append(cpuN == 0 ? "-" : ratio(cpuGeo));
        line.append(' ').append(n == 0 ? "-" : ratio(geo)).append(" |");
        worst.append(worst.length() == 0 ? "" : " / ").append(n == 0 ? "-" : ratio(max));
      }
      clientSummary.put("errors", errors);
      clientSummary.put("calls", calls);
      md.append(line).append(' ').append(worst).append(" | ").append(cpu).append(" | ")
          .append(errors).append(" of ")
          .append(calls).append(" |\n");
    }
    ObjectNode sdk = (ObjectNode) summary.get("sdk");
    boolean met = sdk.path("threads1Worst").asDouble(99) <= TARGET
        && sdk.path("threads32Worst").asDouble(99) <= TARGET && sdk.path("errors").asLong() == 0;
    perCall.put("targetMet", met);
    md.append("\nTarget: the SDK costs at most ").append(TARGET).append("x the floor at 1 and 32"
        + " threads for every operation, with 0 errors: **").append(met ? "met" : "not met")
        .append("**.\n\n");

    rounds(rows, perCall);
    reading(rows, perCall);
    md.append("### All results\n\n");
    md.append(TABLE_HEADER);
    for (int threads : new int[] {1, 32}) {
      for (String operation : OPERATIONS) {
        Row floor = find(rows, "floor", operation, threads);
        for (String client : MAIN_CLIENTS) {
          Row row = find(rows, client, operation, threads);
          if (row != null) {
            tableRow(row, floor);
            results.add(toJson(row, floor));
          }
        }
      }
    }
    md.append('\n');

    List<Row> diagnostics = new ArrayList<>();
    for (Row row : rows) {
      if (!MAIN_CLIENTS.contains(row.client)) {
        diagnostics.add(row);
      }
    }
    if (!diagnostics.isEmpty()) {
      md.append("### Diagnostics: where a call's cost goes (listCoupons)\n\n");
      md.append("The same call through the layers the SDK could sit on, beside the floor and the SDK"
          + " of the same round (the first). **apache5** = Apache HttpClient 5 classic, configured as the SDK"
          + " configures it (pool of 64, no automatic retries, no cookies) + Jackson: the SDK's"
          + " transport without the SDK. **jerseyApache5** = a Jersey client on the Apache 5"
          + " connector, bytes in and out + Jackson: what a JAX-RS layer adds (the SDK used one"
          + " before this benchmark).\n\n");
      md.append(TABLE_HEADER);
      ArrayNode diag = perCall.putArray("diagnostics");
      for (int threads : new int[] {1, 32}) {
        Row floor = firstRound(find(rows, "floor", "listCoupons", threads));
        for (String client : List.of("floor", "apache5", "jerseyApache5", "sdk")) {
          Row row = firstRound(find(rows, client, "listCoupons", threads));
          if (row != null) {
            tableRow(row, floor);
            if (!MAIN_CLIENTS.contains(client)) {
              diag.add(toJson(row, floor));
            }
          }
        }
      }
      md.append('\n');
    }
  }

  /** The numbers that explain the SDK's ratio: its transport alone, and the JAX-RS layer. */
  private void reading(List<Row> rows, ObjectNode perCall) {
    ObjectNode explain = perCall.putObject("explanation");
    StringBuilder text = new StringBuilder();
    for (int threads : new int[] {1, 32}) {
      // The diagnostic clients run in the first round only: compared within it.
      Row floor = firstRound(find(rows, "floor", "listCoupons", threads));
      Row apache = firstRound(find(rows, "apache5", "listCoupons", threads));
      Row jersey = firstRound(find(rows, "jerseyApache5", "listCoupons", threads));
      Row sdk = firstRound(find(rows, "sdk", "listCoupons", threads));
      if (floor == null || apache == null || sdk == null) {
        continue;
      }
      ObjectNode at = explain.putObject("threads" + threads);
      at.put("transportVsFloorCpu", round(apache.cpuPerCall / floor.cpuPerCall));
      at.put("sdkVsTransportCpu", round(sdk.cpuPerCall / apache.cpuPerCall));
      at.put("transportVsFloorMean", round(apache.mean / floor.mean));
      at.put("sdkVsTransportMean", round(sdk.mean / apache.mean));
      text.append(String.format(Locale.ROOT, "- listCoupons, %d thread%s: the transport alone"
          + " (apache5) costs %s the floor's mean latency and %s its CPU per call (%s vs %s µs);"
          + " the SDK's runtime on top of it (validation, retry policy, status and error checks,"
          + " the generated service and its invoker) %s the latency and %s the CPU (%s µs).",
          threads, threads == 1 ? "" : "s", ratio(apache.mean / floor.mean),
          ratio(apache.cpuPerCall / floor.cpuPerCall), num(apache.cpuPerCall),
          num(floor.cpuPerCall), ratio(sdk.mean / apache.mean),
          ratio(sdk.cpuPerCall / apache.cpuPerCall), num(sdk.cpuPerCall)));
      if (jersey != null) {
        at.put("jaxrsLayerVsTransportCpu", round(jersey.cpuPerCall / apache.cpuPerCall));
        text.append(String.format(Locale.ROOT, " A JAX-RS (Jersey) layer over the same"
            + " transport would cost %s its CPU per call.", ratio(jersey.cpuPerCall
            / apache.cpuPerCall)));
      }
      text.append('\n');
    }
    if (text.length() > 0) {
      md.append("Reading the numbers: at 1 thread a call's latency is mostly waiting for the"
          + " loopback round trip; at 32 threads the client, the in-process server and GC share"
          + " the 2 cores, so throughput follows CPU time per call.\n\n").append(text)
          .append('\n');
    }
  }

  /** The repeated runs at 32 threads: each round's SDK cost vs the floor of the same round. */
  private void rounds(List<Row> rows, ObjectNode perCall) {
    ArrayNode json = perCall.putArray("rounds");
    StringBuilder table = new StringBuilder();
    int count = 0;
    for (String operation : OPERATIONS) {
      Row floor = find(rows, "floor", operation, 32);
      Row sdk = find(rows, "sdk", operation, 32);
      if (floor == null || sdk == null || sdk.rounds.size() < 2) {
        continue;
      }
      ObjectNode node = json.addObject().put("operation", operation).put("threads", 32);
      ArrayNode byRound = node.putArray("sdkVsFloorByRound");
      List<String> ratios = new ArrayList<>();
      for (Row run : sdk.rounds) {
        for (Row floorRun : floor.rounds) {
          if (floorRun.round == run.round) {
            byRound.add(round(run.mean / floorRun.mean));
            ratios.add(ratio(run.mean / floorRun.mean));
          }
        }
      }
      count = Math.max(count, ratios.size());
      node.put("pooled", round(sdk.mean / floor.mean));
      table.append("| ").append(operation).append(" | ").append(String.join(", ", ratios))
          .append(" | ").append(ratio(sdk.mean / floor.mean)).append(" |\n");
    }
    if (table.length() > 0) {
      md.append("### Rounds at 32 threads\n\n").append("At 32 threads on 2 cores the same code"
          + " measures differently from one run to the next minutes later, more than the 1.2x"
          + " target's margin, so floor and SDK run in ").append(count).append(" rounds, in"
          + " alternating order (floor first, then SDK first, ...), and the tables pool them. Each"
          + " round's SDK cost vs the floor of the same round:\n\n| operation | SDK vs floor, round"
          + " by round | pooled |\n|---|---|---|\n").append(table).append('\n');
    }
  }

  private static final String TABLE_HEADER = "| operation | threads | client | calls/s | mean µs"
      + " | p50 µs | p99 µs | cost vs floor | p50 vs floor | p99 vs floor | CPU µs/call"
      + " | CPU vs floor | errors / calls |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";

  private void tableRow(Row row, Row floor) {
    md.append("| ").append(row.operation).append(" | ").append(row.threads).append(" | ")
        .append(row.client).append(" | ").append(String.format(Locale.ROOT, "%,.0f",
            throughput(row))).append(" | ").append(num(row.mean)).append(" | ")
        .append(num(row.p50)).append(" | ").append(num(row.p99)).append(" | ")
        .append(floor == null ? "-" : ratio(row.mean / floor.mean)).append(" | ")
        .append(floor == null ? "-" : ratio(row.p50 / floor.p50)).append(" | ")
        .append(floor == null ? "-" : ratio(row.p99 / floor.p99)).append(" | ")
        .append(Double.isNaN(row.cpuPerCall) ? "-" : num(row.cpuPerCall)).append(" | ")
        .append(floor == null || Double.isNaN(row.cpuPerCall * floor.cpuPerCall) ? "-"
            : ratio(row.cpuPerCall / floor.cpuPerCall)).append(" | ")
        .append(row.errors < 0 ? "?" : row.errors + " / " + row.calls).append(" |\n");
  }

  private ObjectNode toJson(Row row, Row floor) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("client", row.client);
    node.put("operation", row.operation);
    node.put("threads", row.threads);
    node.put("callsPerSecond", Math.round(throughput(row)));
    node.put("meanMicros", round(row.mean));
    node.put("p50Micros", round(row.p50));
    node.put("p99Micros", round(row.p99));
    node.put("samples", row.samples);
    if (floor != null) {
      node.put("costVsFloor", round(row.mean / floor.mean));
      node.put("p50VsFloor", round(row.p50 / floor.p50));
      node.put("p99VsFloor", round(row.p99 / floor.p99));
      if (!Double.isNaN(row.cpuPerCall * floor.cpuPerCall)) {
        node.put("cpuVsFloor", round(row.cpuPerCall / floor.cpuPerCall));
      }
    }
    if (!Double.isNaN(row.cpuPerCall)) {
      node.put("cpuMicrosPerCall", round(row.cpuPerCall));
    }
    node.put("calls", row.calls);
    node.put("errors", row.errors);
    return node;
  }

  private static double throughput(Row row) {
    return row.threads * 1e6 / row.mean;
  }

  private static Row firstRound(Row row) {
    return row == null || row.rounds.isEmpty() ? row : row.rounds.get(0);
  }

  private static Row find(List<Row> rows, String client, String operation, int threads) {
    for (Row row : rows) {
      if (row.client.equals(client) && row.operation.equals(operation)
          && row.threads == threads) {
        return row;
      }
    }
    return null;
  }

  /**
   * One row per client, operation and thread count: the runs of several rounds pooled (mean over
   * all their samples, CPU over all their calls; p50 and p99 are the sample-weighted mean of the
   * rounds' percentiles, an approximation).
   */
  private static List<Row> pooled(List<Row> rows) {
    Map<String, Row> pooled = new LinkedHashMap<>();
    for (Row run : rows) {
      Row row = pooled.computeIfAbsent(run.client + "|" + run.operation + "|" + run.threads,
          key -> {
            Row first = new Row();
            first.client = run.client;
            first.operation = run.operation;
            first.threads = run.threads;
            return first;
          });
      double before = row.samples;
      double after = before + run.samples;
      row.mean = (row.mean * before + run.mean * run.samples) / after;
      row.p50 = (row.p50 * before + run.p50 * run.samples) / after;
      row.p99 = (row.p99 * before + run.p99 * run.samples) / after;
      row.samples += run.samples;
      if (run.calls >= 0) {
        row.calls = Math.max(row.calls, 0) + run.calls;
        row.errors = Math.max(row.errors, 0) + run.errors;
      }
      row.measuredCalls += run.measuredCalls;
      row.cpuNanos += run.cpuNanos;
      if (row.measuredCalls > 0) {
        row.cpuPerCall = row.cpuNanos / 1000.0 / row.measuredCalls;
      }
      run.cpuPerCall = run.measuredCalls > 0 ? run.cpuNanos / 1000.0 / run.measuredCalls
          : Double.NaN;
      row.rounds.add(run);
    }
    return new ArrayList<>(pooled.values());
  }

  private List<Row> readJmh(Path file, int round) throws IOException {
    List<Row> rows = new ArrayList<>();
    if (!Files.exists(file)) {
      return rows;
    }
    for (JsonNode result : json.readTree(file.toFile())) {
      Row row = new Row();
      row.round = round;
      row.client = result.path("params").path("client").asText();
      row.operation = result.path("params").path("api").asText();
      row.threads = result.path("threads").asInt();
      JsonNode metric = result.path("primaryMetric");
      double toMicros = toMicros(metric.path("scoreUnit").asText());
      row.mean = metric.path("score").asDouble() * toMicros;
      row.p50 = metric.path("scorePercentiles").path("50.0").asDouble() * toMicros;
      row.p99 = metric.path("scorePercentiles").path("99.0").asDouble() * toMicros;
      long samples = 0;
      for (JsonNode fork : metric.path("rawDataHistogram")) {
        for (JsonNode iteration : fork) {
          for (JsonNode bucket : iteration) {
            samples += bucket.path(1).asLong();
          }
        }
      }
      row.samples = samples;
      rows.add(row);
    }
    return rows;
  }

  private static double toMicros(String unit) {
    if (unit.startsWith("ns")) {
      return 1e-3;
    }
    if (unit.startsWith("ms")) {
      return 1e3;
    }
    if (unit.startsWith("s/")) {
      return 1e6;
    }
    return 1;
  }

  /** Adds the counts and CPU time the benchmark wrote beside JMH (-Dbench.errors). */
  private static void addErrors(List<Row> rows, Path file) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    for (String line : Files.readAllLines(file)) {
      String[] f = line.split(",");
      if (f.length < 5) {
        continue;
      }
      int round = f.length >= 8 ? Integer.parseInt(f[7]) : 1;
      for (Row row : rows) {
        if (row.client.equals(f[0]) && row.operation.equals(f[1])
            && row.threads == Integer.parseInt(f[2]) && row.round == round) {
          row.calls = Math.max(row.calls, 0) + Long.parseLong(f[3]);
          row.errors = Math.max(row.errors, 0) + Long.parseLong(f[4]);
          if (f.length >= 7) {
            row.measuredCalls += Long.parseLong(f[5]);
            row.cpuNanos += Long.parseLong(f[6]);
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ 2. pagination

  private void pagination(JsonNode pagination) {
    out.set("pagination", pagination);
    md.append("## 2. Auto-pagination\n\n");
    if (pagination.has("error") || pagination.isMissingNode()) {
      md.append("Not measured: ").append(pagination.path("error").asText("skipped"))
          .append("\n\n");
      return;
    }
    long page = pagination.path("onePageRetainedBytes").asLong();
    md.append("`client.couponSessionPages().all(request)` over N sessions served by the local"
        + " server in pages of ").append(pagination.path("pageSize").asInt()).append(" (the"
        + " example session with a unique code each; the iteration ends at the empty page after"
        + " the last). Time: one pass after two warm-up passes. Heap growth: a second pass with a"
        + " full GC every N/20 sessions; the most live heap above the live heap before the pass."
        + " One parsed page holds ").append(kb(page)).append(" live.\n\n");
    md.append("| N sessions | requests | time | sessions/s | heap growth | growth / one page |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (JsonNode run : pagination.path("runs")) {
      long growth = run.path("heapGrowthBytes").asLong();
      md.append("| ").append(String.format(Locale.ROOT, "%,d", run.path("sessions").asLong()))
          .append(" | ").append(run.path("pages").asLong()).append(" | ")
          .append(String.format(Locale.ROOT, "%.2f s", run.path("seconds").asDouble()))
          .append(" | ").append(String.format(Locale.ROOT, "%,d",
              run.path("sessionsPerSecond").asLong())).append(" | ").append(kb(growth))
          .append(" | ").append(page > 0 ? String.format(Locale.ROOT, "%.2f", growth
              / (double) page) : "-").append(" |\n");
    }
    md.append('\n');
  }

  // ------------------------------------------------------------------ 3. cold start

  private void coldStart(JsonNode coldStart) {
    out.set("coldStart", coldStart);
    md.append("## 3. Cold start\n\n");
    if (coldStart.has("error") || coldStart.isMissingNode()) {
      md.append("Not measured: ").append(coldStart.path("error").asText("skipped"))
          .append("\n\n");
      return;
    }
    md.append("A fresh JVM (`java -cp benchmarks.jar`) builds the client and makes one"
        + " `listCoupons` call against the local server; ").append(coldStart.path("repetitions")
        .asInt()).append(" repetitions per client, interleaved. **Launch to first call** is"
        + " measured by the parent from the process launch to the completion time the child"
        + " prints; **main to first call** inside the child from `main`.\n\n");
    md.append("| client | launch to first call, median (all) | main to first call, median |"
        + " vs sdkJersey | vs floor |\n|---|---|---|---|---|\n");
    JsonNode clients = coldStart.path("clients");
    long floor = clients.path("floor").path("medianLaunchToFirstCallMs").asLong(0);
    long jersey = clients.path("sdkJersey").path("medianLaunchToFirstCallMs").asLong(0);
    clients.fields().forEachRemaining(e -> {
      JsonNode c = e.getValue();
      long median = c.path("medianLaunchToFirstCallMs").asLong();
      md.append("| ").append(e.getKey()).append(" | ").append(median).append(" ms (")
          .append(join(c.path("launchToFirstCallMs"))).append(") | ")
          .append(c.path("medianMainToFirstCallMs").asLong()).append(" ms | ")
          .append(jersey > 0 ? ratio(median / (double) jersey) : "-").append(" | ")
          .append(floor > 0 ? ratio(median / (double) floor) : "-").append(" |\n");
    });
    md.append('\n');
  }

  // ------------------------------------------------------------------ 4. Prism

  private void prism(JsonNode prism) {
    out.set("prism", prism);
    md.append("## 4. Mock (Prism)\n\n");
    if (prism.has("error") || prism.isMissingNode()) {
      md.append("Not measured: ").append(prism.path("error").asText("skipped")).append("\n\n");
      return;
    }
    md.append("`io.github.coupontools.mock.PrismMock.start()` (Prism `mock --errors -v warn` on"
        + " 127.0.0.1 and a free port), then ").append(prism.path("threads").asInt())
        .append(" threads of the floor client calling `listCoupons` on loopback for ")
        .append(prism.path("seconds").asInt()).append(" s after a 1 s warm-up; stopped after.\n\n");
    md.append("| time to ready | requests/s | requests | errors | stop | still running after"
        + " stop |\n|---|---|---|---|---|---|\n");
    md.append("| ").append(prism.path("readyMs").asLong()).append(" ms | ")
        .append(String.format(Locale.ROOT, "%,d", prism.path("requestsPerSecond").asLong()))
        .append(" | ").append(prism.path("requests").asLong()).append(" | ")
        .append(prism.path("errors").asLong()).append(" | ").append(prism.path("stopMs").asLong())
        .append(" ms | ").append(prism.path("stillRunning").asBoolean() ? "yes" : "no")
        .append(" |\n\n");
    JsonNode simulator = prism.path("simulator");
    if (simulator.isMissingNode()) {
      return;
    }
    md.append("The stateful simulator (`CouponToolsSimulator.start()`, `coupontools-simulator.js` on"
        + " the same engine) right after, same client, operation and load; `listCoupons` is"
        + " answered from its state.\n\n");
    md.append("| | time to ready | requests/s | requests | errors | invalid responses |\n"
        + "|---|---|---|---|---|---|\n");
    for (JsonNode row : List.of(prism, simulator)) {
      md.append(row == prism ? "| mock (stateless) | " : "| simulator | ")
          .append(row.path("readyMs").asLong()).append(" ms | ")
          .append(String.format(Locale.ROOT, "%,d", row.path("requestsPerSecond").asLong()))
          .append(" | ").append(row.path("requests").asLong()).append(" | ")
          .append(row.path("errors").asLong()).append(" | ")
          .append(row == prism ? "-" : String.valueOf(row.path("invalidResponses").asLong()))
          .append(" |\n");
    }
    md.append("\n");
  }

  // ------------------------------------------------------------------ 5. footprint

  private void footprint(JsonNode footprint) {
    out.set("footprint", footprint);
    md.append("## 5. Jar footprint\n\n");
    if (footprint.has("error") || footprint.isMissingNode()) {
      md.append("Not measured: ").append(footprint.path("error").asText("skipped"))
          .append("\n\n");
      return;
    }
    md.append("The SDK jar (generated services and models, runtime) and its runtime dependencies"
        + " (`dependency:build-classpath -DincludeScope=runtime` of the sdk module).\n\n");
    md.append("| SDK jar | runtime dependencies | their size | SDK + dependencies |\n");
    md.append("|---|---|---|---|\n");
    md.append("| ").append(kb(footprint.path("sdkJarBytes").asLong())).append(" | ")
        .append(footprint.path("runtimeDependencies").asInt()).append(" jars | ")
        .append(mb(footprint.path("runtimeDependenciesBytes").asLong())).append(" | ")
        .append(mb(footprint.path("totalBytes").asLong())).append(" |\n\n");
    md.append("<details><summary>Runtime dependencies by size</summary>\n\n| jar | size |\n"
        + "|---|---|\n");
    for (JsonNode dependency : footprint.path("dependencies")) {
      md.append("| ").append(dependency.path("jar").asText()).append(" | ")
          .append(kb(dependency.path("bytes").asLong())).append(" |\n");
    }
    md.append("\n</details>\n\n");
  }

  // ------------------------------------------------------------------ machine

  static Map<String, String> machine(String loadAtStart) {
    Map<String, String> machine = new LinkedHashMap<>();
    String cpu = "";
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException e) {
      cpu = "unknown (" + e.getMessage() + ")";
    }
    machine.put("CPU model", cpu);
    machine.put("nproc", command("nproc"));
    machine.put("free -h", command("free", "-h"));
    String os = command("sh", "-c", ". /etc/os-release 2>/dev/null && echo \"$PRETTY_NAME\"");
    machine.put("OS", os + " (" + command("uname", "-srm") + ")");
    machine.put("java -version", command(Paths.get(System.getProperty("java.home"), "bin",
        "java").toString(), "-version"));
    machine.put("load average when measuring started", loadAtStart);
    return machine;
  }

  private static String command(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String text;
      try (InputStream in = process.getInputStream()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      process.waitFor(10, TimeUnit.SECONDS);
      return text;
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  // ------------------------------------------------------------------ formatting

  private static String join(JsonNode values) {
    List<String> parts = new ArrayList<>();
    values.forEach(v -> parts.add(v.asText()));
    return String.join(", ", parts);
  }

  static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2fx", value);
  }

  private static String num(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static String kb(long bytes) {
    return String.format(Locale.ROOT, "%,.0f KB", bytes / 1024.0);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  private static String minutes(long seconds) {
    return seconds >= 60 ? String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60)
        : seconds + " s";
  }
}
