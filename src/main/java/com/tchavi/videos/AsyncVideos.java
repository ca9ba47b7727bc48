package com.tchavi.videos;

/**
 * The video API without blocking: {@code client.async().videos()}. The twin of {@link Videos}.
 * Thread-safe. An interface, so that code under test can be handed a fake.
 */
public interface AsyncVideos {
  /** {@return the asynchronous video generations endpoint, {@code POST /videos/generations}} */
  AsyncVideoGenerations generations();
}
