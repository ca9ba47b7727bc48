package com.tchavi.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Renders the figures as Markdown: the machine, the table, the targets, every run. */
final class Report {
  private Report() {}

  static String render(
      Harness harness,
      Script firehose,
      Script fragmented,
      Script paced,
      int warmup,
      int runs,
      List<Part> parts) {
    Map<String, Harness.Figures> figures = harness.figures;
    Map<String, String> options = harness.options;
    boolean smoke = harness.smoke;
    StringBuilder md = new StringBuilder();
    md.append(smoke ? "## Smoke run (tiny streams, figures mean nothing)\n\n" : "## Results\n\n");
    md.append(environment(options));
    md.append(
        String.format(
            Locale.ROOT,
            "- Firehose: %,d chunks (%,d content + role, finish, usage), %.1f MB of HTTP body per"
                + " run; %d warm-up rounds, then %d measured rounds, clients interleaved and"
                + " rotated each round%n",
            firehose.events,
            firehose.contentChunks,
            firehose.bytes.length / 1e6,
            warmup,
            runs));
    md.append(
        String.format(
            Locale.ROOT,
            "- Fragmented: %,d chunks, the whole response in %d-byte writes%n",
            fragmented.events,
            SseServer.FRAGMENT));
    md.append(
        String.format(
            Locale.ROOT,
            "- Paced: %,d chunks, one every %d ms, latency from the server's write to"
                + " the client's delivery of each chunk, all chunks of all measured runs%n%n",
            paced.events,
            SseServer.PACE_NANOS / 1_000_000));
    md.setLength(md.length() - 1);
    md.append(
        String.format(
            Locale.ROOT, "- Waiting for a quiet machine: %s%n", harness.quiet.summary()));
    md.append(
        String.format(
            Locale.ROOT,
            "- Machine load during the measured runs: %s%n%n",
            harness.interference().entrySet().stream()
                .filter(e -> !e.getKey().endsWith("warm-up"))
                .map(e -> e.getKey() + ": " + e.getValue().summary())
                .collect(java.util.stream.Collectors.joining("; "))));

    Harness.Figures reference = figures.get("okhttp-jackson");
    double referenceRate = reference == null ? Double.NaN : median(reference.firehose, r -> r[0]);
    md.append(
        "| client | chunks/s (median) | min – max | vs okhttp-jackson | B/chunk allocated | CPU"
            + " ns/chunk | fragmented chunks/s | paced p50 | paced p99 | fresh JVM to first chunk |"
            + " runtime jars |\n");
    md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (Map.Entry<String, Harness.Figures> e : figures.entrySet()) {
      Harness.Figures f = e.getValue();
      double rate = median(f.firehose, r -> r[0]);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s – %s | %.2fx | %,.0f | %,.0f | %s | %s µs | %s µs"
                  + " | %s ms | %.2f MB |%n",
              e.getKey(),
              millions(rate),
              millions(min(f.firehose, r -> r[0])),
              millions(max(f.firehose, r -> r[0])),
              rate / referenceRate,
              median(f.firehose, r -> r[1]),
              median(f.firehose, r -> r[2]),
              millions(Harness.median(f.fragmented)),
              micros(latency(f, 0.50)),
              micros(latency(f, 0.99)),
              String.format(Locale.ROOT, "%.0f", Harness.median(f.firstChunkMillis)),
              f.runtimeBytes / 1e6));
    }
    md.append("\nchunks/s in millions (M); µs are microseconds; MB = 10^6 bytes.\n");

    md.append("\n### Targets for tchavi, in this run\n\n").append(targets(figures, parts));
    for (Part part : parts) {
      part.section(md);
    }

    md.append("\n### Every measured run\n\n");
    for (Map.Entry<String, Harness.Figures> e : figures.entrySet()) {
      Harness.Figures f = e.getValue();
      List<String> rates = new ArrayList<>();
      List<String> allocs = new ArrayList<>();
      for (double[] r : f.firehose) {
        rates.add(millis3(r[0] / 1e6));
        allocs.add(String.format(Locale.ROOT, "%.0f", r[1]));
      }
      md.append(
          String.format(
              Locale.ROOT,
              "- %s: firehose M chunks/s %s; B/chunk %s; spread (max-min)/median"
                  + " %.1f%%; fragmented M chunks/s %s; first chunk ms %s%n",
              e.getKey(),
              rates,
              allocs,
              100
                  * (max(f.firehose, r -> r[0]) - min(f.firehose, r -> r[0]))
                  / median(f.firehose, r -> r[0]),
              f.fragmented.stream().map(v -> millis3(v / 1e6)).toList(),
              f.firstChunkMillis.stream()
                  .map(v -> String.format(Locale.ROOT, "%.0f", v))
                  .toList()));
    }
    md.append("\n### Runtime jars\n\n");
    for (Map.Entry<String, Harness.Figures> e : figures.entrySet()) {
      md.append(
          String.format(
              Locale.ROOT,
              "- %s (%d jars, %.2f MB): %s%n",
              e.getKey(),
              e.getValue().jarNames.size(),
              e.getValue().runtimeBytes / 1e6,
              String.join(", ", e.getValue().jarNames)));
    }
    return md.toString();
  }

  /** Returns the When, Machine, JVM and Library lines that head every report. */
  static String environment(Map<String, String> options) {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(Locale.ROOT, "- When: %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    md.append(
        String.format(
            Locale.ROOT,
            "- Machine: %d cores, %s, %s %s%n",
            Runtime.getRuntime().availableProcessors(),
            cpuModel(),
            System.getProperty("os.name"),
            System.getProperty("os.version")));
    md.append(
        String.format(
            Locale.ROOT,
            "- JVM: %s %s, flags %s%n",
            System.getProperty("java.vm.name"),
            System.getProperty("java.runtime.version"),
            ManagementFactory.getRuntimeMXBean().getInputArguments()));
    md.append(
        String.format(
            Locale.ROOT,
            "- Library: tchavi-java %s%n",
            options.getOrDefault("lib", "(commit not given)")));
    return md.toString();
  }

  /** Returns the targets: the benchmark's stream, then each part's in turn, then the jars. */
  private static String targets(Map<String, Harness.Figures> figures, List<Part> parts) {
    Targets targets = new Targets();
    Harness.Figures ours = figures.getOrDefault("tchavi", new Harness.Figures());
    Harness.Figures official = figures.getOrDefault("openai", new Harness.Figures());
    Harness.Figures reference = figures.getOrDefault("okhttp-jackson", new Harness.Figures());
    double rate = median(ours.firehose, r -> r[0]);
    double officialRate = median(official.firehose, r -> r[0]);
    targets.add("firehose: chunks/s at least 4x the official SDK", rate / officialRate,
        rate >= 4 * officialRate, "%.1fx", rate / officialRate);
    double p50 = latency(ours, 0.50);
    double p99 = latency(ours, 0.99);
    double refP50 = latency(reference, 0.50);
    targets.add("paced p50 within 10 µs of okhttp-jackson", p50 - refP50,
        p50 <= refP50 + 10_000, "%+.1f µs (%.1f vs %.1f)", (p50 - refP50) / 1e3, p50 / 1e3,
        refP50 / 1e3);
    targets.add("paced p99 under 1 ms", p99, p99 < 1_000_000, "%.1f µs", p99 / 1e3);
    for (Part part : parts) {
      part.targets(targets);
    }
    double jars = ours.runtimeBytes > 0 ? ours.runtimeBytes : Double.NaN;
    targets.add("runtime jars at most 6.5 MB", jars, ours.runtimeBytes <= 6_500_000, "%.2f MB",
        ours.runtimeBytes / 1e6);
    double own = ours.ownJarBytes >= 0 ? ours.ownJarBytes : Double.NaN;
    targets.add("our own jar at most 400 KB", own, ours.ownJarBytes <= 400_000, "%.0f KB",
        ours.ownJarBytes / 1e3);
    return targets.toString();
  }

  private static double latency(Harness.Figures f, double p) {
    if (f.latencies.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(f.latencies);
    sorted.sort(null);
    return Harness.percentile(sorted, p);
  }

  private static String millions(double perSecond) {
    return String.format(Locale.ROOT, "%.3f M", perSecond / 1e6);
  }

  private static String millis3(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static String micros(double nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e3);
  }

  private static double median(List<double[]> runs, ToDoubleFunction<double[]> field) {
    return runs.isEmpty()
        ? Double.NaN
        : Harness.median(runs.stream().map(field::applyAsDouble).toList());
  }

  private static double min(List<double[]> runs, ToDoubleFunction<double[]> field) {
    return runs.stream().mapToDouble(field).min().orElse(Double.NaN);
  }

  private static double max(List<double[]> runs, ToDoubleFunction<double[]> field) {
    return runs.stream().mapToDouble(field).max().orElse(Double.NaN);
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (Exception ignored) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }
}
