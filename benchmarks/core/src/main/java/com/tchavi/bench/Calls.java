package com.tchavi.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Full calls: {@code create()} of a small answer ({@link Answer}), not streamed, from one thread
 * and from many at once, through each {@link CallClient}: tchavi, bare OkHttp with Jackson data
 * binding ({@code okhttp-databind}), the official SDK, and the limit: bare OkHttp with no JSON at
 * all ({@code okhttp-lines}, one request sent again and again, the text cut out of the bytes).
 * Every answer's text is checked. Options:
 * {@code --call-clients a,b}, {@code --calls 2000} per run on one thread, {@code --call-threads 16}
 * with {@code --calls-each 200} per thread, {@code --call-warmup 8} (on a 2-core VM the figures
 * still climb after 3), {@code --call-runs 5} (0 skips them). Then each client's first call in
 * {@code --call-jvms 5} fresh JVMs ({@link FirstCall}), clients interleaved: the time from the
 * JVM's start to its first answer, which data binding's warm-up weighs on.
 */
final class Calls implements Part {
  private static final String ONE = "calls, 1 thread";

  private final Harness harness;
  private final Answer answer = new Answer();
  /** Per client, per mode: {calls/s, bytes/call, cpu ns/call, connections opened} of each run. */
  private final Map<String, Map<String, List<double[]>>> figures = new LinkedHashMap<>();
  private String many;
  private int calls;
  private int threads;
  private int each;
  private int warmup;
  private int runs;
  /** Per client: milliseconds from a fresh JVM's start to its first answer. */
  private final Map<String, List<Double>> firstCall = new LinkedHashMap<>();

  Calls(Harness harness) {
    this.harness = harness;
  }

  @Override
  public void run() throws Exception {
    runs = harness.option("call-runs", 1, 5);
    if (runs == 0) {
      return;
    }
    warmup = harness.option("call-warmup", 1, 8);
    calls = harness.option("calls", 50, 2_000);
    threads = harness.option("call-threads", 16, 16);
    each = harness.option("calls-each", 5, 200);
    many = "calls, " + threads + " threads";
    harness.server.arm(answer);
    List<CallClient> clients = new ArrayList<>();
    String defaults = "tchavi,okhttp-databind,openai,okhttp-lines";
    for (String name : harness.listOption("call-clients", defaults)) {
      CallClient client = harness.module(name).required(CallClient.class);
      client.open(harness.server.baseUrl());
      clients.add(client);
      figures.put(client.name(), Map.of(ONE, new ArrayList<>(), many, new ArrayList<>()));
    }
    for (int round = 0; round < warmup + runs; round++) {
      boolean measured = round >= warmup;
      for (CallClient client : Harness.rotate(clients, round)) {
        double[] one = measure(client, ONE, measured, 1, calls);
        double[] all = measure(client, many, measured, threads, each);
        Harness.log(
            "calls %s %-15s 1 thread %,8.0f calls/s %,8.0f B/call   %d threads %,8.0f calls/s"
                + " %,8.0f B/call",
            measured ? "run   " : "warmup", client.name(), one[0], one[1], threads, all[0],
            all[1]);
      }
    }
    for (CallClient client : clients) {
      client.close();
    }
    int jvms = harness.option("call-jvms", 1, 5);
    List<String> names = new ArrayList<>(figures.keySet());
    for (int round = 0; round < jvms; round++) {
      for (String name : Harness.rotate(names, round)) {
        harness.quiet.await();
        double millis = Startup.untilFirst(harness, harness.module(name), "first-call",
            FirstCall.class, harness.server.baseUrl());
        firstCall.computeIfAbsent(name, n -> new ArrayList<>()).add(millis);
        Harness.log("fresh JVM %-14s first answer after %,7.1f ms", name, millis);
      }
    }
  }

  /** Runs {@code perThread} calls on each of {@code count} threads (the harness's own if 1). */
  private double[] measure(CallClient client, String mode, boolean measured, int count,
      int perThread) throws Exception {
    int connections = harness.server.connections();
    Workers.Task task =
        worker -> {
          for (int i = 0; i < perThread; i++) {
            String text = client.call();
            if (!answer.text.equals(text)) {
              System.err.printf(
                  "MISMATCH: %s (%s) answered %s; the server sent %s%n",
                  client.name(), mode, text, answer.text);
              System.exit(1);
            }
          }
        };
    Harness.Usage used =
        harness.measure(
            mode,
            measured,
            () -> {
              if (count == 1) {
                task.run(0);
                return null;
              }
              return Workers.run(harness.meter, count, Workers.platform("caller"), task);
            });
    double total = (double) count * perThread;
    double[] r = {
      total * 1e9 / used.nanos(),
      used.allocated() / total,
      used.cpu() / total,
      harness.server.connections() - connections
    };
    if (measured) {
      figures.get(client.name()).get(mode).add(r);
    }
    return r;
  }

  @Override
  public void section(StringBuilder md) {
    if (figures.isEmpty()) {
      return;
    }
    md.append("\n### Full calls\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "- `create()` of a small answer (%,d bytes of JSON, %d chars of text), not"
                    + " streamed, from 127.0.0.1 with keep-alive: %,d calls per run on one"
                    + " thread, and %d threads of %,d calls each; %d warm-up rounds, then %d"
                    + " measured rounds, clients rotated%n",
                answer.bodyLength(),
                answer.text.length(),
                calls,
                threads,
                each,
                warmup,
                runs))
        .append("- connections: those the server accepted during a client's measured runs\n")
        .append("- fresh JVM to first answer: from a new JVM's start to its first `create()`'s")
        .append(" return, client built in between (median of each client's fresh JVMs)\n\n")
        .append("| client | mode | calls/s (median) | min – max | vs okhttp-databind | vs openai")
        .append(" | B/call allocated | CPU µs/call | connections | fresh JVM to first answer |\n")
        .append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (String mode : List.of(ONE, many)) {
      double bare = rate("okhttp-databind", mode);
      double official = rate("openai", mode);
      for (Map.Entry<String, Map<String, List<double[]>>> e : figures.entrySet()) {
        List<double[]> r = e.getValue().get(mode);
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %,.0f | %,.0f – %,.0f | %.2fx | %.1fx | %,.0f | %.1f | %.0f | %s |%n",
                e.getKey(),
                mode.substring(7),
                Harness.median(r, 0),
                r.stream().mapToDouble(x -> x[0]).min().orElse(Double.NaN),
                r.stream().mapToDouble(x -> x[0]).max().orElse(Double.NaN),
                Harness.median(r, 0) / bare,
                Harness.median(r, 0) / official,
                Harness.median(r, 1),
                Harness.median(r, 2) / 1e3,
                r.stream().mapToDouble(x -> x[3]).sum(),
                mode.equals(ONE) && firstCall.containsKey(e.getKey())
                    ? String.format(Locale.ROOT, "%,.0f ms",
                        Harness.median(firstCall.get(e.getKey())))
                    : ""));
      }
    }
  }

  @Override
  public void targets(Targets targets) {
    if (figures.isEmpty()) {
      targets.notMeasured("full calls at least 0.9x okhttp-databind and 3x the official SDK",
          "skipped");
      return;
    }
    for (String mode : List.of(ONE, many)) {
      String label = mode.substring(7) + ": calls/s at least ";
      double ours = rate("tchavi", mode);
      double bare = ours / rate("okhttp-databind", mode);
      double official = ours / rate("openai", mode);
      targets.add(label + "0.9x okhttp-databind", bare, bare >= 0.9, "%.2fx", bare);
      // The floors say how far the transport alone goes: OkHttp's own cost of a call is in all.
      targets.add(label + "3x the official SDK", official, official >= 3,
          "%.1fx (okhttp-databind %.1fx; okhttp-lines, no JSON at all, %.1fx)", official,
          rate("okhttp-databind", mode) / rate("openai", mode),
          rate("okhttp-lines", mode) / rate("openai", mode));
    }
  }

  private double rate(String client, String mode) {
    Map<String, List<double[]>> modes = figures.get(client);
    return modes == null || mode == null ? Double.NaN : Harness.median(modes.get(mode), 0);
  }
}
