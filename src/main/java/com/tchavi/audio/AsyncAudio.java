package com.tchavi.audio;

/**
 * The audio API without blocking: {@code client.async().audio()}. The twin of {@link Audio},
 * with the same requests, rules, retries and exceptions. Thread-safe. An interface, so that code
 * under test can be handed a fake.
 */
public interface AsyncAudio {
  /** {@return the asynchronous {@code POST audio/speech} endpoint: text to speech} */
  AsyncSpeech speech();

  /** {@return the asynchronous {@code POST audio/transcriptions} endpoint: speech to text} */
  AsyncTranscriptions transcriptions();
}
