package com.tchavi.examples;

import com.tchavi.TchaviClient;
import com.tchavi.testing.TchaviEmulator;
import java.time.Duration;

/**
 * What the examples share: a client for Tchavi when {@code TCHAVI_API_KEY} is set, and otherwise
 * for a local {@link TchaviEmulator}, so that every example runs offline as it is. In your own code
 * this whole class is {@code TchaviClient.fromEnv()}.
 */
final class Examples {
  /** The model every example asks. */
  static final String MODEL = "gpt-4o-mini";

  private static TchaviEmulator emulator; // Guarded by Examples.class.

  private Examples() {
  }

  /** Returns a client for Tchavi, or for the emulator when {@code TCHAVI_API_KEY} is not set. */
  static TchaviClient client() {
    return clientBuilder().build();
  }

  /**
   * Returns a client builder with the API key and base URL already set: from {@code
   * TCHAVI_API_KEY} and {@code TCHAVI_BASE_URL}, or for the emulator.
   */
  static TchaviClient.Builder clientBuilder() {
    String apiKey = System.getenv("TCHAVI_API_KEY");
    if (apiKey != null && !apiKey.isBlank()) return TchaviClient.builder().fromEnv();
    return TchaviClient.builder().apiKey(TchaviEmulator.API_KEY).baseUrl(emulator().baseUrl());
  }

  /** Starts the emulator on first use, and stops it once the thread that asked for it ends. */
  private static synchronized TchaviEmulator emulator() {
    if (emulator != null) return emulator;
    // Paced like a model, on the system clock: the examples show streaming as it looks. A video
    // job would take a minute; each poll moves the emulator's clock on 28 s instead.
    emulator = TchaviEmulator.builder().realistic().advanceOnPoll(Duration.ofSeconds(28)).start();
    System.err.println("TCHAVI_API_KEY is not set: using the local Tchavi emulator at "
        + emulator.baseUrl());

    // The examples' main thread owns the emulator: when it ends, so does the emulator, whose
    // server threads would otherwise keep the JVM running.
    TchaviEmulator started = emulator;
    Thread owner = Thread.currentThread();
    Thread stopper = new Thread(() -> {
      try {
        owner.join();
      } catch (InterruptedException e) {
        return; // The JVM is going down anyway.
      }
      started.close();
    }, "tchavi-emulator-stopper");
    stopper.setDaemon(true);
    stopper.start();
    return emulator;
  }
}
