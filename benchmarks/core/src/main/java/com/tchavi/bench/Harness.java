package com.tchavi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs every client against the same streams in one JVM: firehose, fragmented and paced rounds,
 * clients interleaved and rotated each round, warm-up rounds first; then the other stream shapes
 * ({@link Shapes}), full calls ({@link Calls}, with fresh JVMs for the first answer) and many
 * streams at once ({@link Concurrency});
 * then fresh JVMs for the time to first chunk ({@link Startup}) and for a client's weight ({@link
 * Weight}); then the jar sizes. Prints the table and writes it to {@code target/results.md}. Fails (exit 1) if any
 * client delivers other text than the server sent.
 *
 * <p>Usage: {@code Harness BENCHMARKS_DIR [--smoke] [--clients a,b] [--n 200000] [--warmup 3]
 * [--runs 7] [--frag-n 20000] [--frag-runs 5] [--paced-n 200] [--paced-runs 8] [--jvms 5]} and the
 * options of each part (see its class); a count of 0 skips that part.
 */
public final class Harness {
  static final long PACED_WARMUP_NANOS = TimeUnit.MICROSECONDS.toNanos(250);
  static final List<String> ALL_CLIENTS =
      List.of("tchavi", "openai", "okhttp-jackson", "okhttp-lines");

  /** Everything measured for one client in the benchmark's own stream. */
  static final class Figures {
    final List<double[]> firehose = new ArrayList<>(); // {chunks/s, bytes/chunk, cpu ns/chunk}
    final List<Double> fragmented = new ArrayList<>(); // chunks/s
    final List<Long> latencies = new ArrayList<>(); // ns, paced mode, every chunk of every run
    final List<Double> firstChunkMillis = new ArrayList<>();
    long runtimeBytes;
    long ownJarBytes = -1;
    List<String> jarNames = List.of();
  }

  /** What one measured stretch used: wall time, and the allocation and CPU of client threads. */
  record Usage(long nanos, long allocated, long cpu) {}

  /** The code a measurement times; returns {allocated, cpu} of threads that ended in it, or null. */
  interface Body {
    long[] run() throws Exception;
  }

  final Map<String, String> options;
  final boolean smoke;
  final Path dir;
  final Map<String, Figures> figures = new LinkedHashMap<>();
  private final Map<String, Interference> interference = new LinkedHashMap<>();
  private final Map<String, LoadedClient> modules = new LinkedHashMap<>();
  final List<LoadedClient> clients = new ArrayList<>();
  final Quiet quiet;
  SseServer server;
  ThreadMeter meter;

  private Harness(Map<String, String> options) throws Exception {
    this.options = options;
    this.smoke = options.containsKey("smoke");
    this.dir = Path.of(options.get("dir")).toAbsolutePath().normalize();
    this.quiet = Quiet.of(options, smoke);
    for (String phase : List.of("firehose", "fragmented", "paced")) {
      interference(phase);
    }
    for (String name : options.getOrDefault("clients", String.join(",", ALL_CLIENTS)).split(",")) {
      clients.add(module(name));
      figures.put(name, new Figures());
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    long deadlineMinutes = Long.parseLong(options.getOrDefault("deadline-minutes", "20"));
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(deadlineMinutes));
                System.err.println(
                    "harness: still running after " + deadlineMinutes + " minutes, giving up");
                Runtime.getRuntime().halt(3);
              } catch (InterruptedException ignored) {
                // finished in time
              }
            },
            "harness-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    new Harness(options).runAll(TimeUnit.MINUTES.toMillis(deadlineMinutes));
    System.exit(0);
  }

  private void runAll(long serverLifetimeMillis) throws Exception {
    int warmup = option("warmup", 1, 3);
    int runs = option("runs", 1, 7);
    Script firehose = new Script(option("n", 2_000, 200_000), 42);
    Script fragmented = new Script(option("frag-n", 300, 20_000), 43);
    Script paced = new Script(option("paced-n", 20, 200), 44);
    log(
        "streams: firehose %d chunks (%.1f MB), fragmented %d chunks in %d-byte writes, paced %d"
            + " chunks every %d ms",
        firehose.events,
        firehose.bytes.length / 1e6,
        fragmented.events,
        SseServer.FRAGMENT,
        paced.events,
        TimeUnit.NANOSECONDS.toMillis(SseServer.PACE_NANOS));
    Files.createDirectories(dir.resolve("target"));

    Shapes shapes = new Shapes(this);
    Calls calls = new Calls(this);
    Concurrency concurrency = new Concurrency(this);
    Startup startup = new Startup(this);
    Weight weight = new Weight(this);
    try (SseServer started = new SseServer(serverLifetimeMillis)) {
      server = started;
      meter = new ThreadMeter(server.threadIds());
      for (LoadedClient client : clients) {
        client.client.open(server.baseUrl());
      }
      long begun = System.nanoTime();
      Map<String, List<double[]>> measured = rounds("firehose", firehose, clients, warmup, runs);
      measured.forEach((name, list) -> figures.get(name).firehose.addAll(list));
      fragmented(fragmented, option("frag-runs", 1, 5));
      paced(paced, option("paced-runs", 1, 8));
      log("== %.0f s: the benchmark's stream done; stream shapes", seconds(begun));
      shapes.run();
      log("== %.0f s: full calls", seconds(begun));
      calls.run();
      log("== %.0f s: concurrency", seconds(begun));
      concurrency.run();
      log("== %.0f s: fresh JVMs", seconds(begun));
      startup.run();
      weight.run();
      log("== %.0f s: done", seconds(begun));
      for (LoadedClient client : clients) {
        jarSizes(client);
        client.client.close();
      }
    }

    String report =
        Report.render(
            this,
            firehose,
            fragmented,
            paced,
            warmup,
            runs,
            List.of(shapes, calls, concurrency, startup, weight));
    System.out.println(report);
    Path out = dir.resolve("target").resolve(smoke ? "smoke-results.md" : "results.md");
    Files.writeString(out, report);
    log("wrote %s", out);
  }

  /**
   * Runs {@code script} through each of {@code among}, {@code warmup + runs} rounds, in an order
   * rotated each round; returns each client's measured {chunks/s, bytes/chunk, cpu ns/chunk}.
   * Warm-up rounds hash all text; measured rounds count chunks and chars, and hash nothing.
   */
  Map<String, List<double[]>> rounds(
      String phase, Script script, List<LoadedClient> among, int warmup, int runs)
      throws Exception {
    Map<String, List<double[]>> measured = new LinkedHashMap<>();
    among.forEach(client -> measured.put(client.name, new ArrayList<>()));
    for (int round = 0; round < warmup + runs; round++) {
      boolean isMeasured = round >= warmup;
      for (LoadedClient client : rotate(among, round)) {
        double[] r =
            run(phase, isMeasured, client, script, SseServer.Mode.FIREHOSE, !isMeasured, null,
                SseServer.PACE_NANOS);
        if (isMeasured) {
          measured.get(client.name).add(r);
        }
        log(
            "%s %s %-14s %,10.0f chunks/s %,8.0f B/chunk %,7.0f cpu-ns/chunk",
            phase, isMeasured ? "run   " : "warmup", client.name, r[0], r[1], r[2]);
      }
    }
    return measured;
  }

  private void fragmented(Script script, int runs) throws Exception {
    for (int round = 0; round < runs; round++) {
      for (LoadedClient client : rotate(clients, round)) {
        double[] r =
            run("fragmented", true, client, script, SseServer.Mode.FRAGMENTED, true, null,
                SseServer.PACE_NANOS);
        figures.get(client.name).fragmented.add(r[0]);
        log("fragmented %-14s %,10.0f chunks/s", client.name, r[0]);
      }
    }
  }

  private void paced(Script script, int runs) throws Exception {
    if (runs == 0) {
      return;
    }
    // Paced delivery takes other code paths than the firehose (a blocking read per chunk, in the
    // client and in the JDK's socket code): warm them up at a faster pace first, else the first
    // seconds of paced runs measure the JIT.
    Script warmup = new Script(smoke ? 20 : 2_000, 46);
    for (int round = 0; round < 2; round++) {
      for (LoadedClient client : rotate(clients, round)) {
        run("paced", false, client, warmup, SseServer.Mode.PACED, true, null, PACED_WARMUP_NANOS);
      }
    }
    for (int round = 0; round < runs; round++) {
      for (LoadedClient client : rotate(clients, round)) {
        long[] deliveredAt = new long[script.events];
        long[] flushedAt = new long[script.events];
        run(
            "paced",
            true,
            client,
            script,
            SseServer.Mode.PACED,
            true,
            new long[][] {deliveredAt, flushedAt},
            SseServer.PACE_NANOS);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < script.events; i++) {
          latencies.add(deliveredAt[i] - flushedAt[i]);
        }
        figures.get(client.name).latencies.addAll(latencies);
        Collections.sort(latencies);
        log(
            "paced %-14s p50 %,7.1f us  p99 %,8.1f us",
            client.name, percentile(latencies, 0.50) / 1e3, percentile(latencies, 0.99) / 1e3);
      }
    }
  }

  private void jarSizes(LoadedClient client) throws Exception {
    Figures f = figures.get(client.name);
    f.runtimeBytes = client.runtimeBytes();
    f.jarNames = client.runtimeJars.stream().map(p -> p.getFileName().toString()).toList();
    for (Path jar : client.runtimeJars) {
      if (jar.getFileName().toString().startsWith("tchavi-java-")) {
        f.ownJarBytes = Files.size(jar);
        // ~/.m2 may be shared: name exactly which library jar was measured.
        byte[] digest =
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar));
        options.put(
            "lib",
            options.getOrDefault("lib", "")
                + ", jar sha256 "
                + java.util.HexFormat.of().formatHex(digest, 0, 6));
      }
    }
  }

  /** Returns the option's value, else its default for a smoke run or a full run. */
  int option(String name, int smokeDefault, int fullDefault) {
    String value = options.get(name);
    return value != null
        ? Integer.parseInt(value.replace("_", ""))
        : smoke ? smokeDefault : fullDefault;
  }

  /** Returns the comma-separated option's values, else {@code fallback}'s. */
  List<String> listOption(String name, String fallback) {
    String value = options.getOrDefault(name, fallback);
    return value.isEmpty() ? List.of() : List.of(value.split(","));
  }

  /** Returns the client module {@code client-NAME}, loaded once. */
  LoadedClient module(String name) throws java.io.IOException {
    LoadedClient loaded = modules.get(name);
    if (loaded == null) {
      loaded = LoadedClient.load(dir, name);
      modules.put(name, loaded);
    }
    return loaded;
  }

  /** Returns the interference of {@code phase}, reported in the order first asked for. */
  Interference interference(String phase) {
    return interference.computeIfAbsent(phase, p -> new Interference());
  }

  Map<String, Interference> interference() {
    return interference;
  }

  /**
   * Measures {@code body}: when {@code measured}, waits for a quiet machine first; adds the run to
   * {@code phase}'s interference (or its warm-up's); collects garbage so that each run starts
   * from a similar heap; then counts the allocation and CPU of every live thread but the
   * server's, and what {@code body} reports of threads that ended in it.
   */
  Usage measure(String phase, boolean measured, Body body) throws Exception {
    if (measured) {
      quiet.await();
    }
    Interference load = interference(measured ? phase : phase + " warm-up");
    System.gc();
    load.begin();
    Map<Long, long[]> before = meter.snapshot();
    long start = System.nanoTime();
    long[] ended = body.run();
    long elapsed = System.nanoTime() - start;
    Map<Long, long[]> after = meter.snapshot();
    load.end();
    long[] used = ThreadMeter.delta(before, after);
    if (ended != null) {
      used[0] += ended[0];
      used[1] += ended[1];
    }
    return new Usage(elapsed, used[0], used[1]);
  }

  /**
   * Runs one stream through one client. Returns {chunks/s, allocated bytes per chunk, CPU ns per
   * chunk}; with {@code times} given, fills times[0] with delivery and times[1] with write times.
   */
  private double[] run(
      String phase,
      boolean measured,
      LoadedClient client,
      Script script,
      SseServer.Mode mode,
      boolean hashing,
      long[][] times,
      long paceNanos)
      throws Exception {
    SseServer.Run run = server.arm(script, mode, paceNanos);
    Recorder recorder = new Recorder(hashing, times == null ? null : times[0]);
    Usage used =
        measure(
            phase,
            measured,
            () -> {
              client.client.consume(recorder);
              return null;
            });
    verify(client.name, client.client.rawLines(), script, recorder, phase);
    if (times != null) {
      System.arraycopy(run.flushedAt, 0, times[1], 0, script.events);
    }
    return new double[] {
      script.events * 1e9 / used.nanos(),
      (double) used.allocated() / script.events,
      (double) used.cpu() / script.events
    };
  }

  /** Exits with status 1 unless {@code got} is what {@code script} sent. */
  static void verify(String client, boolean raw, Script script, Recorder got, String what) {
    String mismatch = (raw ? script.expectedLines : script.expected).mismatch(got, raw);
    if (mismatch != null) {
      String where = what.equals(script.shape.label) ? what : what + ", " + script.shape.label;
      System.err.printf("MISMATCH: %s (%s) %s%n", client, where, mismatch);
      System.exit(1);
    }
  }

  /** Returns the seconds since {@code nanoTime}. */
  private static double seconds(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1e9;
  }

  static <T> List<T> rotate(List<T> list, int by) {
    List<T> rotated = new ArrayList<>(list);
    if (!list.isEmpty()) {
      Collections.rotate(rotated, -(by % list.size()));
    }
    return rotated;
  }

  /** Nearest-rank percentile of a sorted list. */
  static double percentile(List<? extends Number> sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))).doubleValue();
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().collect(Collectors.toList());
    int size = sorted.size();
    if (size == 0) {
      return Double.NaN;
    }
    return size % 2 == 1
        ? sorted.get(size / 2)
        : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
  }

  /** Returns the median of {@code field} over {@code runs}, NaN when there are none. */
  static double median(List<double[]> runs, int field) {
    return median(runs.stream().map(r -> r[field]).toList());
  }

  /** Returns the options in {@code args}: {@code --name value} pairs, {@code --smoke}, a dir. */
  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--smoke")) {
        options.put("smoke", "true");
      } else if (arg.startsWith("--") && i + 1 < args.length) {
        options.put(arg.substring(2), args[++i]);
      } else if (!arg.startsWith("--") && !options.containsKey("dir")) {
        options.put("dir", arg);
      } else {
        throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    options.putIfAbsent("dir", ".");
    return options;
  }

  static void log(String format, Object... args) {
    System.err.printf(format + "%n", args);
  }
}
