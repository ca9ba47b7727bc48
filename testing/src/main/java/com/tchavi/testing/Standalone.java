package com.tchavi.testing;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** The emulator as a program: its options, and a run that lasts until the JVM is stopped. */
final class Standalone {
  static final String USAGE = "Usage: TchaviEmulator [--port N] [--credits N] [--rpm N] [--help]\n"
      + "Serves Tchavi's API on http://127.0.0.1:N/api/v1 until stopped (Ctrl-C).\n"
      + "API key: " + TchaviEmulator.API_KEY;

  private Standalone() {
  }

  /**
   * Starts an emulator from {@code args} and prints its base URL to {@code out}; with {@code
   * --help}, prints the usage instead and returns null.
   *
   * @throws IllegalArgumentException for an unknown option or a bad value
   */
  static TchaviEmulator start(String[] args, PrintStream out) {
    TchaviEmulator.Builder builder = TchaviEmulator.builder().realistic();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        out.println(USAGE);
        return null;
      }
      if (i + 1 >= args.length) throw new IllegalArgumentException("Unknown option or no value: " + option);
      String value = args[++i];
      try {
        switch (option) {
          case "--port" -> builder.port(Integer.parseInt(value));
          case "--credits" -> builder.credits(Long.parseLong(value));
          case "--rpm" -> builder.rpmLimit(Integer.parseInt(value));
          default -> throw new IllegalArgumentException("Unknown option: " + option);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Not a number for " + option + ": " + value);
      }
    }
    TchaviEmulator emulator = builder.start();
    out.println(emulator.baseUrl());
    out.flush();
    return emulator;
  }

  /** Waits until the JVM shuts down, then stops the emulator. */
  static void runUntilStopped(TchaviEmulator emulator) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "tchavi-emulator-shutdown"));
    stopped.await();
  }
}
