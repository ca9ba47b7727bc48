package com.tchavi.bench;

import java.util.ServiceLoader;

/**
 * The program a fresh JVM runs to time the first chunk: the class path holds this harness, one
 * client adapter and its runtime jars. Prints {@code FIRST} the moment the first chunk arrives
 * (the parent process times that line), then {@code END count chars hash} once the stream ends.
 */
public final class FirstChunk {
  private FirstChunk() {
  }

  public static void main(String[] args) throws Exception {
    StreamClient client = ServiceLoader.load(StreamClient.class).findFirst()
        .orElseThrow(() -> new IllegalStateException("no StreamClient on the class path"));
    client.open(args[0]);
    Recorder recorder = new Recorder(true, null);
    client.consume(text -> {
      if (recorder.count == 0) {
        System.out.println("FIRST");
        System.out.flush();
      }
      recorder.chunk(text);
    });
    System.out.println("END " + recorder.count + " " + recorder.chars + " " + recorder.hash);
    System.out.flush();
    client.close();
    System.exit(0); // some clients keep non-daemon threads alive for a while
  }
}
