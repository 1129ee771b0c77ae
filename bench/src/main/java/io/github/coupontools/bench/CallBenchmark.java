package io.github.coupontools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Per-call cost: one operation through one client against the in-process {@link ExampleServer},
 * all benchmark threads sharing one client. Sample mode gives the latency distribution (p50,
 * p99); throughput of the closed loop is threads / mean latency. A call that fails or whose
 * answer is not the documented example counts as an error; the counts of every trial (warm-up
 * included) are appended to the file named by {@code -Dbench.errors}, with the process CPU time
 * per call of the measurement iterations (client, server and GC together: the server's share is
 * the same for every client) and the round ({@code -Dbench.round}, when bench/run repeats a run).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallBenchmark {

  /**
   * The operation. Named so that JMH, which orders parameters by name, runs the clients of one
   * operation one after the other: a drift in the machine's speed then hits them alike.
   */
  @Param({"listCoupons", "getCouponSession", "createSingleUseUrl"})
  public String api;

  /** The client; the floor first and the SDK next to it. */
  @Param({"floor", "sdk", "sdkJersey", "jdkHttp"})
  public String client;

  private static final int PREWARM_THREADS = 2;

  private ExampleServer server;
  private Clients.Call call;
  private Operation op;
  private final LongAdder calls = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long iterationCpu;
  private long iterationCalls;
  private long measuredCpu;
  private long measuredCalls;

  @Setup(Level.Trial)
  public void start(BenchmarkParams params) throws InterruptedException {
    server = ExampleServer.start();
    op = Operation.valueOf(api);
    call = Clients.valueOf(client).open(server.baseUrl(), op);
    // One call up front: a client that cannot do the operation at all fails the trial.
    Object first = call.get();
    if (!op.check.test(first)) {
      throw new IllegalStateException(client + " " + api + " returned " + first);
    }
    if (params.getThreads() > PREWARM_THREADS) {
      prewarm(Long.getLong("bench.prewarm.seconds", 0));
    }
  }

  /**
   * Calls on 2 threads for a while before JMH's own warm-up. At 32 threads on 2 cores the JIT's
   * compiler threads get a small share of the CPU: a client with more code to compile
   * (the SDK: Apache HttpClient, Jackson, its runtime) then reaches its compiled speed only after a
   * minute or more, long after the floor, and a 15 s warm-up measured it half-interpreted.
   */
  private void prewarm(long seconds) throws InterruptedException {
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    Thread[] threads = new Thread[PREWARM_THREADS];
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new Thread(() -> {
        while (System.nanoTime() - until < 0) {
          call();
        }
      }, "prewarm-" + i);
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  /** CPU time of the whole process (client, server, GC) per call, in measurement iterations. */
  @Setup(Level.Iteration)
  public void startIteration() {
    iterationCalls = calls.sum();
    iterationCpu = os.getProcessCpuTime();
  }

  @TearDown(Level.Iteration)
  public void endIteration(IterationParams iteration) {
    if (iteration.getType() == IterationType.MEASUREMENT) {
      measuredCpu += os.getProcessCpuTime() - iterationCpu;
      measuredCalls += calls.sum() - iterationCalls;
    }
  }

  @Benchmark
  public Object call() {
    calls.increment();
    try {
      Object response = call.get();
      if (!op.check.test(response)) {
        errors.increment();
      }
      return response;
    } catch (RuntimeException e) {
      errors.increment();
      return e;
    }
  }

  @TearDown(Level.Trial)
  public void stop(BenchmarkParams params) {
    call.close();
    server.close();
    String file = System.getProperty("bench.errors");
    if (file != null) {
      String line = client + "," + api + "," + params.getThreads() + "," + calls.sum()
          + "," + errors.sum() + "," + measuredCalls + "," + measuredCpu + ","
          + System.getProperty("bench.round", "1") + System.lineSeparator();
      try {
        Files.write(Paths.get(file), line.getBytes(StandardCharsets.UTF_8),
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
