package com.tchavi.bench;

import java.util.ServiceLoader;

/**
 * The program a fresh JVM runs to time the first chunk: the class path holds this harness, one
 * client adapter and its runtime jars. Prints {@code FIRST} the moment the first chunk arrives (the
 * parent process times that line), then {@code END count chars hash} once the stream ends.
 */
public final class FirstChunk {
  private FirstChunk() {}

  public static void main(String[] args) throws Exception {
    long mainAt = System.nanoTime();
    StreamClient client =
        ServiceLoader.load(StreamClient.class)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no StreamClient on the class path"));
    client.open(args[0]);
    long openedAt = System.nanoTime();
    long[] firstAt = new long[1];
    Recorder recorder = new Recorder(true, null);
    client.consume(
        text -> {
          if (recorder.count == 0) {
            System.out.println("FIRST");
            System.out.flush();
            firstAt[0] = System.nanoTime();
          }
          recorder.chunk(text);
        });
    String launchedAt = System.getProperty("bench.launchedAt"); // epoch millis, set by profile.sh
    if (launchedAt != null) {
      long mainMillis = System.currentTimeMillis() - (System.nanoTime() - mainAt) / 1_000_000;
      System.err.printf(
          "phases: launch to main %d ms, build the client %.1f ms, request to first chunk %.1f"
              + " ms%n",
          mainMillis - Long.parseLong(launchedAt),
          (openedAt - mainAt) / 1e6,
          (firstAt[0] - openedAt) / 1e6);
    }
    System.out.println("END " + recorder.count + " " + recorder.chars + " " + recorder.hash);
    System.out.flush();
    client.close();
    System.exit(0); // some clients keep non-daemon threads alive for a while
  }
}
