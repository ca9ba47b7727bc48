package com.tchavi.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A client's weight at rest, each {@link CallClient} in a fresh JVM of its own ({@code main}, on
 * the client's class path): the threads that building the first client starts, and its first
 * call; then the heap that each of {@code --weight-n 20} more clients retains once built, and
 * once each has made one call (so holds a pooled connection), from the heap used after full
 * collections; the first call's answer is checked. {@code --weight-clients a,b} (the smoke run:
 * tchavi alone); {@code --weight-n 0} skips it.
 */
final class Weight implements Part {
  /** A thread whose name starts so is OkHttp's (or Okio's timeout watchdog, which OkHttp uses). */
  private static final List<String> OKHTTP_THREADS = List.of("OkHttp", "Okio");

  /** What the child printed, per client: BUILT, REST, THREADS-BUILD, THREADS-CALL. */
  private final Map<String, Map<String, String>> figures = new LinkedHashMap<>();
  private final Harness harness;
  private int n;

  Weight(Harness harness) {
    this.harness = harness;
  }

  /** In the fresh JVM: {@code Weight URL N}; prints one {@code KEY value} line per figure. */
  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[1]);
    CallClient first =
        ServiceLoader.load(CallClient.class)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no CallClient on the class path"));
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    first.open(args[0]);
    System.out.println("THREADS-BUILD " + started(before));
    String text = first.call();
    System.out.println("THREADS-CALL " + started(before));
    if (!new Answer().text.equals(text)) {
      System.out.println("MISMATCH " + text);
      System.exit(1);
    }

    long base = usedAfterGc();
    CallClient[] clients = new CallClient[count];
    for (int i = 0; i < count; i++) {
      clients[i] = first.getClass().getDeclaredConstructor().newInstance();
      clients[i].open(args[0]);
    }
    long built = usedAfterGc();
    for (CallClient client : clients) {
      client.call();
    }
    long rest = usedAfterGc();
    System.out.println("BUILT " + (built - base) / count);
    System.out.println("REST " + (rest - base) / count);
    for (CallClient client : clients) {
      client.close();
    }
    first.close();
    System.out.flush();
    System.exit(0); // some clients keep non-daemon threads alive for a while
  }

  /** Returns the names of the live threads not in {@code before}, sorted, joined by "|". */
  private static String started(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t))
        .map(Thread::getName)
        .sorted()
        .collect(Collectors.joining("|"));
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Override
  public void run() throws Exception {
    n = harness.option("weight-n", 3, 20);
    if (n == 0) {
      return;
    }
    harness.server.arm(new Answer());
    String all = harness.smoke ? "tchavi" : "tchavi,okhttp-databind,openai";
    for (String name : harness.listOption("weight-clients", all)) {
      LoadedClient client = harness.module(name);
      Path errors = harness.dir.resolve("target").resolve("weight-" + name + ".err");
      Process process =
          client.freshJvm(errors, Weight.class, harness.server.baseUrl(), "" + n).start();
      Map<String, String> lines = new LinkedHashMap<>();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          int space = line.indexOf(' ');
          lines.put(line.substring(0, space < 0 ? line.length() : space),
              space < 0 ? "" : line.substring(space + 1));
        }
      }
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0
          || !lines.containsKey("REST")) {
        System.err.printf("weight of %s failed: %s; see target/weight-%s.err%n", name, lines, name);
        System.exit(1);
      }
      figures.put(name, lines);
      Harness.log(
          "weight %-15s %,9d B per client built, %,9d B after a call; threads: %s",
          name, Long.parseLong(lines.get("BUILT")), Long.parseLong(lines.get("REST")),
          lines.get("THREADS-CALL"));
    }
  }

  @Override
  public void section(StringBuilder md) {
    if (figures.isEmpty()) {
      return;
    }
    md.append("\n### Weight at rest\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "- Each client in a fresh JVM: the threads started by building the first client"
                    + " and by its first call (%s: OkHttp's or Okio's own); then the heap"
                    + " retained per client by %d more, built, then after one call each (a"
                    + " pooled idle connection), from the heap used after full collections%n%n",
                String.join(", ", OKHTTP_THREADS.stream().map(p -> p + "*").toList()),
                n))
        .append("| client | heap per client, built | after one call | threads started by")
        .append(" build | by the first call | not OkHttp's |\n")
        .append("|---|--:|--:|---|---|---|\n");
    for (Map.Entry<String, Map<String, String>> e : figures.entrySet()) {
      Map<String, String> f = e.getValue();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d B | %,d B | %s | %s | %s |%n",
              e.getKey(),
              Long.parseLong(f.get("BUILT")),
              Long.parseLong(f.get("REST")),
              names(f.get("THREADS-BUILD")),
              names(f.get("THREADS-CALL")),
              names(String.join("|", foreign(f.get("THREADS-CALL"))))));
    }
  }

  @Override
  public void targets(Targets targets) {
    Map<String, String> f = figures.get("tchavi");
    if (f == null) {
      targets.notMeasured("a client at rest holds at most 1 MB of heap", "skipped");
      return;
    }
    double rest = Math.max(Long.parseLong(f.get("BUILT")), Long.parseLong(f.get("REST")));
    targets.add("a client at rest holds at most 1 MB of heap", rest, rest <= 1_000_000,
        "%,.0f B built, %,d B after one call", (double) Long.parseLong(f.get("BUILT")),
        Long.parseLong(f.get("REST")));
    List<String> foreign = foreign(f.get("THREADS-CALL"));
    targets.add("no thread of its own beyond OkHttp's", 0, foreign.isEmpty(), "%s",
        foreign.isEmpty() ? "none (" + names(f.get("THREADS-CALL")) + ")" : foreign);
  }

  /** Returns the names in {@code joined} of threads that are not OkHttp's. */
  private static List<String> foreign(String joined) {
    List<String> names = new ArrayList<>();
    for (String name : joined.isEmpty() ? new String[0] : joined.split("\\|")) {
      if (OKHTTP_THREADS.stream().noneMatch(name::startsWith)) {
        names.add(name);
      }
    }
    return names;
  }

  private static String names(String joined) {
    return joined.isEmpty() ? "none" : joined.replace("|", ", ");
  }
}
