package com.tchavi.bench;

import java.util.ServiceLoader;

/**
 * The program a fresh JVM runs to time the first chunk: the class path holds this harness, one
 * client adapter and its runtime jars. Prints {@code FIRST} the moment the first chunk arrives (the
 * parent process times that line), then, once the stream ends, {@code END ok} if the client
 * delivered what the server sent ({@code FirstChunk URL [N SEED]}: the {@link Script} of N
 * content chunks from SEED, by default 100 and 45), else {@code END} and how it differs.
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
    recorder.onFirst =
        () -> {
          System.out.println("FIRST");
          System.out.flush();
          firstAt[0] = System.nanoTime();
        };
    client.consume(recorder);
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
    Script script =
        new Script(
            args.length > 1 ? Integer.parseInt(args[1]) : 100,
            args.length > 2 ? Long.parseLong(args[2]) : 45);
    String mismatch =
        (client.rawLines() ? script.expectedLines : script.expected)
            .mismatch(recorder, client.rawLines());
    System.out.println(mismatch == null ? "END ok" : "END " + mismatch);
    System.out.flush();
    client.close();
    System.exit(0); // some clients keep non-daemon threads alive for a while
  }
}
