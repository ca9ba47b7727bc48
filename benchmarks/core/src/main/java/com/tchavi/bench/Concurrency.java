package com.tchavi.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Many streams at once on one client: {@code --streams 200} firehose streams of {@code --conc-n
 * 1000} content chunks each, all started together, aggregate chunks/s from the first request to
 * the last chunk. Each row is a client and a way to run them ({@code --conc-rows
 * client:mode,...}): {@code platform}, one platform thread per stream calling the sync API;
 * {@code virtual}, one virtual thread per stream (JDK 21+); {@code async}, every stream started
 * from one thread through the client's async API. Each client is built for that many streams
 * ({@link StreamClient#open(String, int)}). {@code --conc-warmup 2}, {@code --conc-runs 5} (0
 * skips them).
 */
final class Concurrency implements Part {
  private static final String PHASE = "concurrency";

  private record Row(String client, String mode) {
    String label() {
      return client + ", " + switch (mode) {
        case "platform" -> "sync, platform threads";
        case "virtual" -> "sync, virtual threads";
        default -> "async";
      };
    }
  }

  private final Harness harness;
  private final Map<Row, List<double[]>> figures = new LinkedHashMap<>();
  private final Map<String, StreamClient> clients = new LinkedHashMap<>();
  private final List<Row> skipped = new ArrayList<>();
  private Script script;
  private int streams;
  private int warmup;
  private int runs;

  Concurrency(Harness harness) {
    this.harness = harness;
  }

  @Override
  public void run() throws Exception {
    runs = harness.option("conc-runs", 1, 5);
    if (runs == 0) {
      return;
    }
    warmup = harness.option("conc-warmup", 1, 2);
    streams = harness.option("streams", 20, 200);
    script = new Script(harness.option("conc-n", 200, 1_000), 60);
    ThreadFactory virtual = Workers.virtual();
    List<Row> rows = new ArrayList<>();
    String all = "tchavi:platform,tchavi:virtual,tchavi:async,okhttp-jackson:platform,openai:async";
    for (String spec : harness.listOption("conc-rows", all)) {
      String[] parts = spec.split(":");
      Row row = new Row(parts[0], parts[1]);
      if (row.mode.equals("virtual") && virtual == null) {
        skipped.add(row);
        continue;
      }
      if (!clients.containsKey(row.client)) {
        StreamClient client = harness.module(row.client).required(StreamClient.class);
        client.open(harness.server.baseUrl(), streams);
        clients.put(row.client, client);
      }
      rows.add(row);
      figures.put(row, new ArrayList<>());
    }
    Harness.log(
        "concurrency: %d streams of %d chunks at once (%.1f MB in all)",
        streams, script.events, streams * (double) script.bytes.length / 1e6);
    for (int round = 0; round < warmup + runs; round++) {
      boolean measured = round >= warmup;
      for (Row row : Harness.rotate(rows, round)) {
        double[] r = measure(row, measured, virtual);
        if (measured) {
          figures.get(row).add(r);
        }
        Harness.log(
            "concurrency %s %-38s %,10.0f chunks/s %,8.0f B/chunk %,7.0f cpu-ns/chunk",
            measured ? "run   " : "warmup", row.label(), r[0], r[1], r[2]);
      }
    }
    for (StreamClient client : clients.values()) {
      client.close();
    }
  }

  private double[] measure(Row row, boolean measured, ThreadFactory virtual) throws Exception {
    harness.server.arm(script, SseServer.Mode.FIREHOSE);
    StreamClient client = clients.get(row.client);
    Recorder[] sinks = new Recorder[streams];
    for (int i = 0; i < streams; i++) {
      sinks[i] = new Recorder(!measured, null);
    }
    Workers.Task stream = i -> client.consume(sinks[i]);
    Harness.Usage used =
        harness.measure(
            PHASE,
            measured,
            () ->
                switch (row.mode) {
                  case "platform" ->
                      Workers.run(harness.meter, streams, Workers.platform("stream"), stream);
                  case "virtual" -> Workers.run(harness.meter, streams, virtual, stream);
                  case "async" -> {
                    List<CompletableFuture<Void>> ends = new ArrayList<>(streams);
                    for (Recorder sink : sinks) {
                      ends.add(client.consumeAsync(sink));
                    }
                    CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new))
                        .get(5, TimeUnit.MINUTES);
                    yield null;
                  }
                  default -> throw new IllegalArgumentException("--conc-rows: no mode " + row.mode);
                });
    for (Recorder sink : sinks) {
      Harness.verify(row.label(), client.rawLines(), script, sink, PHASE);
    }
    double chunks = (double) streams * script.events;
    return new double[] {
      chunks * 1e9 / used.nanos(), used.allocated() / chunks, used.cpu() / chunks
    };
  }

  @Override
  public void section(StringBuilder md) {
    if (script == null) {
      return;
    }
    md.append("\n### Concurrency\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "- %d streams at once on one client, each of %,d chunks (the firehose's shape);"
                    + " aggregate chunks/s from the first request to the last chunk; %d warm-up"
                    + " rounds, then %d measured rounds, rows rotated%n",
                streams,
                script.events,
                warmup,
                runs));
    for (Map.Entry<String, StreamClient> e : clients.entrySet()) {
      md.append("- ").append(e.getKey()).append(": ").append(e.getValue().configuration());
      md.append('\n');
    }
    for (Row row : skipped) {
      md.append("- ").append(row.label()).append(": needs JDK 21+ (this run: ")
          .append(System.getProperty("java.version")).append(")\n");
    }
    md.append("\n| client, how | chunks/s (median) | min – max | vs okhttp-jackson | vs openai")
        .append(" async | B/chunk allocated | CPU ns/chunk |\n")
        .append("|---|--:|--:|--:|--:|--:|--:|\n");
    double bare = rate(new Row("okhttp-jackson", "platform"));
    double official = rate(new Row("openai", "async"));
    for (Map.Entry<Row, List<double[]>> e : figures.entrySet()) {
      List<double[]> r = e.getValue();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.3f M | %.3f M – %.3f M | %.2fx | %.1fx | %,.0f | %,.0f |%n",
              e.getKey().label(),
              Harness.median(r, 0) / 1e6,
              r.stream().mapToDouble(x -> x[0]).min().orElse(Double.NaN) / 1e6,
              r.stream().mapToDouble(x -> x[0]).max().orElse(Double.NaN) / 1e6,
              Harness.median(r, 0) / bare,
              Harness.median(r, 0) / official,
              Harness.median(r, 1),
              Harness.median(r, 2)));
    }
  }

  @Override
  public void targets(Targets targets) {
    if (script == null) {
      targets.notMeasured("concurrent streams at least 0.9x okhttp-jackson and 4x openai async",
          "skipped");
      return;
    }
    double bare = rate(new Row("okhttp-jackson", "platform"));
    double official = rate(new Row("openai", "async"));
    for (String mode : List.of("platform", "virtual", "async")) {
      Row row = new Row("tchavi", mode);
      String label = streams + " streams, " + row.label().substring(8);
      if (skipped.contains(row)) {
        targets.notMeasured(label, "needs JDK 21+");
        continue;
      }
      double ours = rate(row);
      targets.add(label + ": chunks/s at least 0.9x okhttp-jackson", ours / bare,
          ours >= 0.9 * bare, "%.2fx", ours / bare);
      targets.add(label + ": chunks/s at least 4x openai async", ours / official,
          ours >= 4 * official, "%.1fx", ours / official);
    }
  }

  private double rate(Row row) {
    return Harness.median(figures.getOrDefault(row, List.of()), 0);
  }
}
