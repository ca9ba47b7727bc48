package com.tchavi.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Runs every media client against the same large bodies in one JVM (run it with a small heap,
 * {@code -Xmx64m}): a speech download to a file and a transcription upload from a file, each of
 * {@code --media-mb} MB (10^6 bytes), warm-up rounds first, clients interleaved and rotated each
 * round. Reports MB/s and bytes allocated per MB moved; fails (exit 1) if a client writes other
 * bytes than the server sent, or the server receives other bytes than the file holds.
 *
 * <p>Usage: {@code MediaHarness BENCHMARKS_DIR [--smoke] [--media-clients tchavi,okhttp-lines]
 * [--media-mb 100] [--media-warmup 2] [--media-runs 5]}; other options are ignored, so that one
 * command line can serve both harnesses. {@code --media-runs 0} skips the media benchmark.
 */
public final class MediaHarness {
  /** Not a divisor of any buffer size, so that a shifted or repeated segment changes the CRC. */
  static final byte[] PATTERN = pattern(65_521);

  /** {MB/s, allocated bytes per MB, CPU ns per MB} of each measured run, per client and mode. */
  private final Map<String, Map<String, List<double[]>>> figures = new LinkedHashMap<>();
  private final Map<String, Interference> interference = new LinkedHashMap<>();
  private final List<MediaClient> clients = new ArrayList<>();
  private final Map<String, String> options;
  private final boolean smoke;
  private final Path dir;
  private final Quiet quiet;
  private MediaServer server;
  private ThreadMeter meter;

  private MediaHarness(Map<String, String> options) throws IOException {
    this.options = options;
    this.smoke = options.containsKey("smoke");
    this.dir = Path.of(options.get("dir")).toAbsolutePath().normalize();
    this.quiet = Quiet.of(options, smoke);
    interference.put("download", new Interference());
    interference.put("upload", new Interference());
    String names = options.getOrDefault("media-clients", "tchavi,okhttp-lines");
    for (String module : names.split(",")) {
      MediaClient client = load(dir, module);
      clients.add(client);
      Map<String, List<double[]>> modes = new LinkedHashMap<>();
      modes.put("download", new ArrayList<>());
      modes.put("upload", new ArrayList<>());
      figures.put(client.name(), modes);
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Harness.parse(args);
    MediaHarness harness = new MediaHarness(options);
    if (harness.option("media-runs", 1, 5) == 0) {
      System.exit(0);
    }
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(15));
                System.err.println("media harness: still running after 15 minutes, giving up");
                Runtime.getRuntime().halt(3);
              } catch (InterruptedException ignored) {
                // finished in time
              }
            },
            "media-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    harness.runAll();
    System.exit(0);
  }

  private void runAll() throws Exception {
    long bytes = option("media-mb", 2, 100) * 1_000_000L;
    int warmup = option("media-warmup", 1, 2);
    int runs = option("media-runs", 1, 5);
    Path work = Files.createDirectories(dir.resolve("target").resolve("media"));
    Path source = work.resolve("upload.wav");
    writePattern(source, bytes);
    long crc = crc(source);
    Harness.log(
        "media: %,d-byte download and upload, heap max %d MB",
        bytes, Runtime.getRuntime().maxMemory() >> 20);
    try (MediaServer started = new MediaServer(TimeUnit.MINUTES.toMillis(15), PATTERN)) {
      server = started;
      meter = new ThreadMeter(server.threadIds());
      server.armDownload(bytes);
      server.armUpload(bytes, crc);
      for (MediaClient client : clients) {
        client.open(server.baseUrl());
      }
      for (int round = 0; round < warmup + runs; round++) {
        boolean measured = round >= warmup;
        for (MediaClient client : Harness.rotate(clients, round)) {
          Path target = work.resolve("download-" + client.name() + ".mp3");
          double[] down = measure(client, "download", measured, bytes, () -> {
            long written = client.download(target);
            boolean same = written == bytes && Files.size(target) == bytes
                && (measured || crc(target) == crc);
            check(same, client, "download wrote " + written + " bytes, other than the server's");
          });
          double[] up = measure(client, "upload", measured, bytes, () -> {
            String text = client.upload(source);
            check("ok".equals(text), client, "upload: the server got other bytes (" + text + ")");
          });
          Harness.log(
              "media %s %-8s download %,8.1f MB/s %,8.0f B/MB   upload %,8.1f MB/s %,8.0f B/MB",
              measured ? "run   " : "warmup", client.name(), down[0], down[1], up[0], up[1]);
        }
      }
      for (MediaClient client : clients) {
        client.close();
      }
    }
    String report = report(bytes, warmup, runs);
    System.out.println(report);
    Path out = dir.resolve("target").resolve(smoke ? "smoke-media-results.md" : "media-results.md");
    Files.writeString(out, report);
    Harness.log("wrote %s", out);
  }

  private interface Body {
    void run() throws Exception;
  }

  private double[] measure(
      MediaClient client, String mode, boolean measured, long bytes, Body body)
      throws Exception {
    if (measured) {
      quiet.await();
    }
    System.gc();
    Interference load = interference.get(mode);
    if (measured) {
      load.begin();
    }
    Map<Long, long[]> before = meter.snapshot();
    long start = System.nanoTime();
    body.run();
    long elapsed = System.nanoTime() - start;
    Map<Long, long[]> after = meter.snapshot();
    if (measured) {
      load.end();
    }
    long[] used = ThreadMeter.delta(before, after);
    double mb = bytes / 1e6;
    double[] r = {mb / (elapsed / 1e9), used[0] / mb, used[1] / mb};
    if (measured) {
      figures.get(client.name()).get(mode).add(r);
    }
    return r;
  }

  private static void check(boolean ok, MediaClient client, String what) {
    if (!ok) {
      System.err.println("MISMATCH: " + client.name() + " " + what);
      System.exit(1);
    }
  }

  private String report(long bytes, int warmup, int runs) {
    StringBuilder md = new StringBuilder();
    md.append(
        smoke
            ? "## Media smoke run (tiny bodies, figures mean nothing)\n\n"
            : "## Media results\n\n");
    md.append(Report.environment(options));
    md.append(
        String.format(
            Locale.ROOT,
            "- Bodies: %,d bytes down (speech, to a file) and up (transcription, from a file, as"
                + " a stream of unknown length); %d warm-up rounds, then %d measured rounds,"
                + " clients interleaved and rotated each round%n",
            bytes,
            warmup,
            runs));
    md.append(String.format(Locale.ROOT, "- Waiting for a quiet machine: %s%n", quiet.summary()));
    md.append(
        String.format(
            Locale.ROOT,
            "- Machine load during the measured runs: download: %s; upload: %s%n%n",
            interference.get("download").summary(),
            interference.get("upload").summary()));
    md.append(
        "| client | download MB/s (median) | min – max | vs okhttp | B/MB allocated | CPU ns/MB"
            + " | upload MB/s (median) | min – max | vs okhttp | B/MB allocated | CPU ns/MB |\n");
    md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    Map<String, List<double[]>> reference = figures.get("okhttp");
    for (Map.Entry<String, Map<String, List<double[]>>> e : figures.entrySet()) {
      md.append("| ").append(e.getKey());
      for (String mode : List.of("download", "upload")) {
        List<double[]> r = e.getValue().get(mode);
        double rate = median(r, 0);
        double ref = reference == null ? Double.NaN : median(reference.get(mode), 0);
        md.append(
            String.format(
                Locale.ROOT,
                " | %,.0f | %,.0f – %,.0f | %.2fx | %,.0f | %,.0f",
                rate,
                min(r),
                max(r),
                rate / ref,
                median(r, 1),
                median(r, 2)));
      }
      md.append(" |\n");
    }
    md.append("\nMB = 10^6 bytes; B/MB and CPU ns/MB count every thread but the server's.\n");
    Map<String, List<double[]>> ours = figures.get("tchavi");
    if (ours != null && reference != null) {
      md.append("\n### Targets for tchavi, in this run\n\n");
      for (String mode : List.of("download", "upload")) {
        double ratio = median(ours.get(mode), 0) / median(reference.get(mode), 0);
        md.append(ratio >= 0.9 ? "- met: " : "- MISSED: ")
            .append(
                String.format(
                    Locale.ROOT, "%s MB/s at least 0.9x bare OkHttp: %.2fx%n", mode, ratio));
      }
    }
    md.append("\n### Every measured run\n\n");
    for (Map.Entry<String, Map<String, List<double[]>>> e : figures.entrySet()) {
      for (String mode : List.of("download", "upload")) {
        List<String> rates = new ArrayList<>();
        List<String> allocs = new ArrayList<>();
        for (double[] r : e.getValue().get(mode)) {
          rates.add(String.format(Locale.ROOT, "%.0f", r[0]));
          allocs.add(String.format(Locale.ROOT, "%.0f", r[1]));
        }
        md.append(
            String.format(
                Locale.ROOT,
                "- %s %s: MB/s %s; B/MB %s%n",
                e.getKey(),
                mode,
                rates,
                allocs));
      }
    }
    return md.toString();
  }

  private static double median(List<double[]> runs, int field) {
    return Harness.median(runs.stream().map(r -> r[field]).toList());
  }

  private static double min(List<double[]> runs) {
    return runs.stream().mapToDouble(r -> r[0]).min().orElse(Double.NaN);
  }

  private static double max(List<double[]> runs) {
    return runs.stream().mapToDouble(r -> r[0]).max().orElse(Double.NaN);
  }

  private int option(String name, int smokeDefault, int fullDefault) {
    String value = options.get(name);
    return value != null
        ? Integer.parseInt(value.replace("_", ""))
        : smoke ? smokeDefault : fullDefault;
  }

  /** Loads the {@link MediaClient} of module {@code client-NAME} in that module's class loader. */
  private static MediaClient load(Path benchmarksDir, String module) throws IOException {
    URLClassLoader loader = LoadedClient.classLoader(benchmarksDir, module);
    for (MediaClient candidate : ServiceLoader.load(MediaClient.class, loader)) {
      if (candidate.getClass().getClassLoader() == loader) {
        return candidate;
      }
    }
    throw new IllegalStateException("no MediaClient in client-" + module);
  }

  private static void writePattern(Path file, long bytes) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = bytes; left > 0; left -= PATTERN.length) {
        out.write(PATTERN, 0, (int) Math.min(PATTERN.length, left));
      }
    }
  }

  static long crc(Path file) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
      }
    }
    return crc.getValue();
  }

  private static byte[] pattern(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 131 + (i >> 8));
    }
    return bytes;
  }
}
