package com.tchavi.audio;

/**
 * The audio API: {@code client.audio().speech()} and {@code client.audio().transcriptions()}.
 * Thread-safe. An interface, so that code under test can be handed a fake.
 */
public interface Audio {
  /** Returns {@code POST audio/speech}: text to speech. */
  Speech speech();

  /** Returns {@code POST audio/transcriptions}: speech to text. */
  Transcriptions transcriptions();
}
