package com.tchavi.bench;

/**
 * The SSE server alone, serving a short firehose stream for {@code SECONDS} (default 60), for
 * {@code profile.sh --startup}. Prints its base URL on the first line of stdout.
 */
public final class StartupServer {
  private StartupServer() {}

  public static void main(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
    try (SseServer server = new SseServer(seconds * 1000)) {
      server.arm(new Script(100, 45), SseServer.Mode.FIREHOSE);
      System.out.println(server.baseUrl());
      System.out.flush();
      Thread.sleep(seconds * 1000);
    }
  }
}
