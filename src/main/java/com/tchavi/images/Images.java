package com.tchavi.images;

/**
 * The images API: {@code client.images().generations()} and {@code client.images().edits()}.
 * Thread-safe. An interface, so that code under test can be handed a fake.
 */
public interface Images {
  /**
   * {@return the {@code POST images/generations} endpoint: images from a prompt (and reference
   * images)}
   */
  ImagesEndpoint generations();

  /**
   * {@return the {@code POST images/edits} endpoint: reference images changed as the prompt says}
   * Tchavi takes the images base64-encoded in a JSON body, as for generations.
   */
  ImagesEndpoint edits();
}
