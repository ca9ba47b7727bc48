package com.tchavi.testing;

import org.junit.jupiter.api.AfterEach;

/** A fresh emulator for each test, and plain OkHttp calls to it; both stop after the test. */
abstract class EmulatorTest {
  TchaviEmulator tchavi = TchaviEmulator.start();
  Http http = new Http(tchavi);

  /** Replaces the emulator with one built from {@code builder}. */
  void restart(TchaviEmulator.Builder builder) {
    stop();
    tchavi = builder.start();
    http = new Http(tchavi);
  }

  @AfterEach
  void stop() {
    http.close();
    tchavi.close();
  }
}
