package com.tchavi.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The time from a fresh JVM's start to its first chunk ({@link FirstChunk}), for every client of
 * the main table, {@code --jvms 5} processes each, clients interleaved; the figures go to that
 * table. Every child checks the whole text of its stream.
 */
final class Startup implements Part {
  private final Harness harness;

  Startup(Harness harness) {
    this.harness = harness;
  }

  @Override
  public void run() throws Exception {
    Script script = new Script(100, 45);
    harness.server.arm(script, SseServer.Mode.FIREHOSE);
    int jvms = harness.option("jvms", 1, 5);
    for (int round = 0; round < jvms; round++) {
      for (LoadedClient client : Harness.rotate(harness.clients, round)) {
        harness.quiet.await();
        Interference load = harness.interference("fresh JVMs");
        load.begin();
        double millis = firstChunk(client, script);
        load.end();
        harness.figures.get(client.name).firstChunkMillis.add(millis);
        Harness.log("fresh JVM %-14s first chunk after %,7.1f ms", client.name, millis);
      }
    }
  }

  private double firstChunk(LoadedClient client, Script script) throws Exception {
    return untilFirst(harness, client, "first-chunk", FirstChunk.class,
        harness.server.baseUrl(), Integer.toString(script.contentChunks),
        Long.toString(script.seed));
  }

  /**
   * Runs {@code main} ({@link FirstChunk} or {@link FirstCall}) with {@code args} in a fresh JVM
   * on {@code client}'s class path, and returns the milliseconds from its start to its {@code
   * FIRST} line; exits the harness if the child does not then print {@code END ok}.
   */
  static double untilFirst(Harness harness, LoadedClient client, String what, Class<?> main,
      String... args) throws Exception {
    Path errors = harness.dir.resolve("target").resolve(what + "-" + client.name + ".err");
    ProcessBuilder builder = client.freshJvm(errors, main, args);
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
      if (!"FIRST".equals(first) || !"END ok".equals(end)) {
        System.err.printf(
            "fresh JVM (%s) for %s failed (exit %s): %s / %s; see %s%n",
            what, client.name, process.isAlive() ? "none" : process.exitValue(), first, end,
            errors);
        System.exit(1);
      }
      return elapsed / 1e6;
    }
  }

  @Override
  public void section(StringBuilder md) {
    // The figures are a column of the main table.
  }

  @Override
  public void targets(Targets targets) {
    double ours = median("tchavi");
    double official = median("openai");
    double reference = median("okhttp-jackson");
    targets.add("fresh JVM's first chunk in at most 0.3x the official SDK's time",
        ours / official, ours <= 0.3 * official, "%.0f ms vs %.0f ms (%.2fx)", ours, official,
        ours / official);
    targets.add("fresh JVM's first chunk in at most 1.1x okhttp-jackson's time",
        ours / reference, ours <= 1.1 * reference, "%.0f ms vs %.0f ms (%.2fx)", ours, reference,
        ours / reference);
  }

  private double median(String client) {
    Harness.Figures f = harness.figures.get(client);
    return f == null ? Double.NaN : Harness.median(f.firstChunkMillis);
  }
}
