package com.tchavi.audio;

/**
 * The audio API: {@code client.audio().speech()}.
 * Thread-safe. An interface, so that code under test can be handed a fake.
 */
public interface Audio {
  /** Returns {@code POST audio/speech}: text to speech. */
  Speech speech();
}
