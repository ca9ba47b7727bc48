package com.tchavi.videos;

/**
 * The video API: {@code client.videos().generations()}. Thread-safe. An interface, so that code
 * under test can be handed a fake.
 */
public interface Videos {
  /** Returns the video generations endpoint. */
  VideoGenerations generations();
}
