package com.tchavi.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * clients interleaved and rotated each round, warm-up rounds first; then fresh JVMs for the time to
 * first chunk; then the jar sizes. Prints the table and writes it to {@code target/results.md}.
 * Fails (exit 1) if any client delivers other text than the server sent.
 *
 * <p>Usage: {@code Harness BENCHMARKS_DIR [--smoke] [--clients a,b] [--n 200000] [--warmup 3]
 * [--runs 7] [--frag-n 20000] [--frag-runs 5] [--paced-n 200] [--paced-runs 8] [--jvms 5]}; a count
 * of 0 skips that part.
 */
public final class Harness {
  static final long PACED_WARMUP_NANOS = TimeUnit.MICROSECONDS.toNanos(250);
  static final List<String> ALL_CLIENTS =
      List.of("tchavi", "openai", "okhttp-jackson", "okhttp-lines");

  /** Everything measured for one client. */
  static final class Figures {
    final List<double[]> firehose = new ArrayList<>(); // {chunks/s, bytes/chunk, cpu ns/chunk}
    final List<Double> fragmented = new ArrayList<>(); // chunks/s
    final List<Long> latencies = new ArrayList<>(); // ns, paced mode, every chunk of every run
    final List<Double> firstChunkMillis = new ArrayList<>();
    long runtimeBytes;
    long ownJarBytes = -1;
    List<String> jarNames = List.of();
  }

  private final Map<String, String> options;
  private final boolean smoke;
  private final Path dir;
  private final Map<String, Figures> figures = new LinkedHashMap<>();
  private final Map<String, Interference> interference = new LinkedHashMap<>();
  private final List<LoadedClient> clients = new ArrayList<>();
  private final Quiet quiet;
  private SseServer server;
  private ThreadMeter meter;

  private Harness(Map<String, String> options) throws Exception {
    this.options = options;
    this.smoke = options.containsKey("smoke");
    this.dir = Path.of(options.get("dir")).toAbsolutePath().normalize();
    this.quiet =
        new Quiet(
            Double.parseDouble(options.getOrDefault("quiet", "0.10")),
            option("quiet-wait-ms", 0, 10_000));
    for (String phase :
        List.of("firehose", "fragmented", "paced", "fresh JVMs", "firehose warm-up")) {
      interference.put(phase, new Interference());
    }
    for (String name : options.getOrDefault("clients", String.join(",", ALL_CLIENTS)).split(",")) {
      clients.add(LoadedClient.load(dir, name));
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

    try (SseServer started = new SseServer(serverLifetimeMillis)) {
      server = started;
      meter = new ThreadMeter(server.threadIds());
      for (LoadedClient client : clients) {
        client.client.open(server.baseUrl());
      }
      firehose(firehose, warmup, runs);
      fragmented(fragmented, option("frag-runs", 1, 5));
      paced(paced, option("paced-runs", 1, 8));
      freshJvms(new Script(100, 45), option("jvms", 1, 5));
      for (LoadedClient client : clients) {
        jarSizes(client);
        client.client.close();
      }
    }

    String report =
        Report.render(
            figures,
            firehose,
            fragmented,
            paced,
            warmup,
            runs,
            smoke,
            options,
            interference,
            quiet.summary());
    System.out.println(report);
    Path out = dir.resolve("target").resolve(smoke ? "smoke-results.md" : "results.md");
    Files.writeString(out, report);
    log("wrote %s", out);
  }

  /** Warm-up rounds hash all text; measured rounds count chunks and chars, and hash nothing. */
  private void firehose(Script script, int warmup, int runs) throws Exception {
    for (int round = 0; round < warmup + runs; round++) {
      boolean measured = round >= warmup;
      for (LoadedClient client : rotate(clients, round)) {
        if (measured) {
          quiet.await();
        }
        Interference load = interference.get(measured ? "firehose" : "firehose warm-up");
        load.begin();
        double[] r =
            run(client, script, SseServer.Mode.FIREHOSE, !measured, null, SseServer.PACE_NANOS);
        load.end();
        if (measured) {
          figures.get(client.name).firehose.add(r);
        }
        log(
            "firehose %s %-14s %,10.0f chunks/s %,8.0f B/chunk %,7.0f cpu-ns/chunk",
            measured ? "run   " : "warmup", client.name, r[0], r[1], r[2]);
      }
    }
  }

  private void fragmented(Script script, int runs) throws Exception {
    for (int round = 0; round < runs; round++) {
      for (LoadedClient client : rotate(clients, round)) {
        quiet.await();
        interference.get("fragmented").begin();
        double[] r =
            run(client, script, SseServer.Mode.FRAGMENTED, true, null, SseServer.PACE_NANOS);
        interference.get("fragmented").end();
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
        run(client, warmup, SseServer.Mode.PACED, true, null, PACED_WARMUP_NANOS);
      }
    }
    for (int round = 0; round < runs; round++) {
      for (LoadedClient client : rotate(clients, round)) {
        long[] deliveredAt = new long[script.events];
        long[] flushedAt = new long[script.events];
        quiet.await();
        interference.get("paced").begin();
        run(
            client,
            script,
            SseServer.Mode.PACED,
            true,
            new long[][] {deliveredAt, flushedAt},
            SseServer.PACE_NANOS);
        interference.get("paced").end();
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

  private void freshJvms(Script script, int jvms) throws Exception {
    server.arm(script, SseServer.Mode.FIREHOSE);
    Path coreJar =
        Path.of(Harness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    for (int round = 0; round < jvms; round++) {
      for (LoadedClient client : rotate(clients, round)) {
        quiet.await();
        interference.get("fresh JVMs").begin();
        double millis = firstChunkInFreshJvm(client, coreJar, script);
        interference.get("fresh JVMs").end();
        figures.get(client.name).firstChunkMillis.add(millis);
        log("fresh JVM %-14s first chunk after %,7.1f ms", client.name, millis);
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
  private int option(String name, int smokeDefault, int fullDefault) {
    String value = options.get(name);
    return value != null
        ? Integer.parseInt(value.replace("_", ""))
        : smoke ? smokeDefault : fullDefault;
  }

  /**
   * Runs one stream through one client. Returns {chunks/s, allocated bytes per chunk, CPU ns per
   * chunk}; with {@code times} given, fills times[0] with delivery and times[1] with write times.
   */
  private double[] run(
      LoadedClient client,
      Script script,
      SseServer.Mode mode,
      boolean hashing,
      long[][] times,
      long paceNanos)
      throws Exception {
    SseServer.Run run = server.arm(script, mode, paceNanos);
    System.gc(); // each run starts from a similar heap, not from the previous client's garbage
    Recorder recorder = new Recorder(hashing, times == null ? null : times[0]);
    Map<Long, long[]> before = meter.snapshot();
    long start = System.nanoTime();
    client.client.consume(recorder);
    long elapsed = System.nanoTime() - start;
    Map<Long, long[]> after = meter.snapshot();
    verify(
        client,
        script,
        recorder.count,
        recorder.chars,
        hashing ? recorder.hash : null,
        mode.name());
    if (times != null) {
      System.arraycopy(run.flushedAt, 0, times[1], 0, script.events);
    }
    long[] used = ThreadMeter.delta(before, after);
    return new double[] {
      script.events * 1e9 / elapsed,
      (double) used[0] / script.events,
      (double) used[1] / script.events
    };
  }

  private static void verify(
      LoadedClient client, Script script, long count, long chars, Long hash, String what) {
    boolean raw = client.client.rawLines();
    long wantChars = raw ? script.lineChars : script.contentChars;
    long wantHash = raw ? script.lineHash : script.contentHash;
    if (count != script.events || chars != wantChars || (hash != null && hash != wantHash)) {
      System.err.printf(
          "MISMATCH: %s (%s) delivered %d chunks, %d chars, hash %s; the server sent %d chunks,"
              + " %d chars, hash %d%n",
          client.name, what, count, chars, hash, script.events, wantChars, wantHash);
      System.exit(1);
    }
  }

  private double firstChunkInFreshJvm(LoadedClient client, Path coreJar, Script script)
      throws Exception {
    List<String> classPath = new ArrayList<>();
    classPath.add(coreJar.toString());
    classPath.add(client.adapterJar.toString());
    client.runtimeJars.forEach(p -> classPath.add(p.toString()));
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path errors = dir.resolve("target").resolve("first-chunk-" + client.name + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(
                javaBin,
                "-cp",
                String.join(java.io.File.pathSeparator, classPath),
                FirstChunk.class.getName(),
                server.baseUrl())
            .redirectError(errors.toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      long elapsed = System.nanoTime() - start;
      String end = out.readLine();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      if (!"FIRST".equals(first) || end == null || !end.startsWith("END ")) {
        System.err.printf(
            "fresh JVM for %s failed (exit %s): %s / %s; see %s%n",
            client.name, process.isAlive() ? "none" : process.exitValue(), first, end, errors);
        System.exit(1);
      }
      String[] parts = end.split(" ");
      verify(
          client,
          script,
          Long.parseLong(parts[1]),
          Long.parseLong(parts[2]),
          Long.parseLong(parts[3]),
          "fresh JVM");
      return elapsed / 1e6;
    }
  }

  static <T> List<T> rotate(List<T> list, int by) {
    List<T> rotated = new ArrayList<>(list);
    Collections.rotate(rotated, -(by % list.size()));
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

  private static Map<String, String> parse(String[] args) {
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
