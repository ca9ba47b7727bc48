package com.tchavi.bench;

import java.util.ServiceLoader;

/**
 * The program a fresh JVM runs to time its first full call, as {@link FirstChunk} times the first
 * chunk: the class path holds this harness, one client adapter and its runtime jars. Builds the
 * client for {@code URL}, makes one {@code create()} of the {@link Answer}, and prints {@code
 * FIRST} once it returns (the parent process times that line), then {@code END ok} if the answer's
 * text is the server's, else {@code END} and what came instead.
 */
public final class FirstCall {
  private FirstCall() {}

  public static void main(String[] args) throws Exception {
    CallClient client =
        ServiceLoader.load(CallClient.class)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no CallClient on the class path"));
    client.open(args[0]);
    String text = client.call();
    System.out.println("FIRST");
    System.out.flush();
    String expected = new Answer().text;
    System.out.println(expected.equals(text) ? "END ok" : "END got " + text);
    System.out.flush();
    client.close();
    System.exit(0); // some clients keep non-daemon threads alive for a while
  }
}
