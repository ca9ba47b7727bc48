package com.tchavi.images;

/**
 * The images API without blocking: {@code client.async().images()}. The twin of {@link Images},
 * with the same requests, rules, retries and exceptions. Thread-safe. An interface, so that code
 * under test can be handed a fake.
 */
public interface AsyncImages {
  /** {@return the asynchronous {@code POST images/generations} endpoint} */
  AsyncImagesEndpoint generations();

  /** {@return the asynchronous {@code POST images/edits} endpoint} */
  AsyncImagesEndpoint edits();
}
