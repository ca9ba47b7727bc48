package com.tchavi.audio;

/**
 * The audio API: {@code client.audio().speech()} and {@code client.audio().transcriptions()}.
 * Thread-safe. An interface, so that code under test can be handed a fake.
 */
public interface Audio {
  /** {@return the {@code POST audio/speech} endpoint: text to speech} */
  Speech speech();

  /** {@return the {@code POST audio/transcriptions} endpoint: speech to text} */
  Transcriptions transcriptions();
}
