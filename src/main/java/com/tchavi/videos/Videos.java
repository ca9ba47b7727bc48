package com.tchavi.videos;

/**
 * The video API: {@code client.videos().generations()}. Thread-safe. An interface, so that code
 * under test can be handed a fake.
 */
public interface Videos {
  /** {@return the video generations endpoint, {@code POST /videos/generations}} */
  VideoGenerations generations();
}
