package com.tchavi.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The other shapes of stream ({@link Script.Shape}), each run like the firehose through tchavi,
 * okhttp-jackson and the official SDK: warm-up rounds, then measured rounds, clients rotated.
 * Options: {@code --shapes heads,tools,n2,usage}, {@code --shape-clients a,b}, {@code --shape-n
 * 100000} content chunks, {@code --shape-warmup 2}, {@code --shape-runs 5} (0 skips them).
 */
final class Shapes implements Part {
  static final double MAX_BYTES_PER_CHUNK = 1_100;

  private static final Map<String, Script.Shape> BY_OPTION =
      Map.of(
          "heads", Script.Shape.HEADS,
          "tools", Script.Shape.TOOLS,
          "n2", Script.Shape.TWO_CHOICES,
          "usage", Script.Shape.USAGE);

  private final Harness harness;
  private final Map<Script.Shape, Map<String, List<double[]>>> figures =
      new EnumMap<>(Script.Shape.class);
  private final Map<Script.Shape, Script> scripts = new EnumMap<>(Script.Shape.class);
  private int warmup;
  private int runs;

  Shapes(Harness harness) {
    this.harness = harness;
  }

  @Override
  public void run() throws Exception {
    runs = harness.option("shape-runs", 1, 5);
    if (runs == 0) {
      return;
    }
    warmup = harness.option("shape-warmup", 1, 2);
    int n = harness.option("shape-n", 1_000, 100_000);
    List<LoadedClient> among = new ArrayList<>();
    for (String name : harness.listOption("shape-clients", "tchavi,okhttp-jackson,openai")) {
      if (harness.figures.containsKey(name)) {
        among.add(harness.module(name));
      }
    }
    for (String option : harness.listOption("shapes", "heads,tools,n2,usage")) {
      Script.Shape shape = BY_OPTION.get(option);
      if (shape == null) {
        throw new IllegalArgumentException("--shapes: no shape " + option + " in " + BY_OPTION);
      }
      Script script = new Script(shape, n, 50 + shape.ordinal());
      Harness.log(
          "shape %s: %d chunks (%.1f MB): %s",
          shape.label, script.events, script.bytes.length / 1e6, shape.description);
      scripts.put(shape, script);
      figures.put(shape, harness.rounds(shape.label, script, among, warmup, runs));
    }
  }

  /** Returns each client's measured runs of {@code shape}; the firehose's for the plain one. */
  private Map<String, List<double[]>> runs(Script.Shape shape) {
    if (shape != Script.Shape.PLAIN) {
      return figures.getOrDefault(shape, Map.of());
    }
    Map<String, List<double[]>> plain = new LinkedHashMap<>();
    harness.figures.forEach((name, f) -> plain.put(name, f.firehose));
    return plain;
  }

  private List<Script.Shape> measured() {
    List<Script.Shape> shapes = new ArrayList<>(List.of(Script.Shape.PLAIN));
    shapes.addAll(figures.keySet());
    return shapes;
  }

  @Override
  public void section(StringBuilder md) {
    if (figures.isEmpty()) {
      return;
    }
    md.append("\n### Stream shapes\n\n");
    for (Script.Shape shape : figures.keySet()) {
      Script script = scripts.get(shape);
      md.append(
          String.format(
              Locale.ROOT,
              "- %s: %s; %,d chunks, %.1f MB of HTTP body per run%n",
              shape.label,
              shape.description,
              script.events,
              script.bytes.length / 1e6));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "- %d warm-up rounds, then %d measured rounds per shape (the firehose row is the"
                + " table's above)%n%n",
            warmup,
            runs));
    md.append("| shape | client | chunks/s (median) | min – max | vs okhttp-jackson |")
        .append(" B/chunk allocated | CPU ns/chunk |\n")
        .append("|---|---|--:|--:|--:|--:|--:|\n");
    for (Script.Shape shape : measured()) {
      Map<String, List<double[]>> byClient = runs(shape);
      double reference = rate(byClient, "okhttp-jackson");
      for (Map.Entry<String, List<double[]>> e : byClient.entrySet()) {
        List<double[]> r = e.getValue();
        if (r.isEmpty() || (shape == Script.Shape.PLAIN && e.getKey().equals("okhttp-lines"))) {
          continue;
        }
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %.3f M | %.3f M – %.3f M | %.2fx | %,.0f | %,.0f |%n",
                shape.label,
                e.getKey(),
                Harness.median(r, 0) / 1e6,
                r.stream().mapToDouble(x -> x[0]).min().orElse(Double.NaN) / 1e6,
                r.stream().mapToDouble(x -> x[0]).max().orElse(Double.NaN) / 1e6,
                Harness.median(r, 0) / reference,
                Harness.median(r, 1),
                Harness.median(r, 2)));
      }
    }
  }

  @Override
  public void targets(Targets targets) {
    for (Script.Shape shape : measured()) {
      Map<String, List<double[]>> byClient = runs(shape);
      double ours = rate(byClient, "tchavi");
      double ratio = ours / rate(byClient, "okhttp-jackson");
      targets.add(
          shape.label + ": chunks/s at least 1.0x okhttp-jackson",
          ratio,
          ratio >= 1.0,
          "%.2fx",
          ratio);
      List<double[]> r = byClient.getOrDefault("tchavi", List.of());
      double bytes = Harness.median(r, 1);
      targets.add(
          shape.label + ": at most 1.1 KB allocated per chunk",
          bytes,
          bytes <= MAX_BYTES_PER_CHUNK,
          "%,.0f B",
          bytes);
    }
  }

  private static double rate(Map<String, List<double[]>> byClient, String client) {
    return Harness.median(byClient.getOrDefault(client, List.of()), 0);
  }
}
