package com.tchavi.images;

import com.tchavi.RequestOptions;
import java.util.concurrent.CompletableFuture;

/**
 * One images endpoint without blocking, {@link AsyncImages#generations()} or {@link
 * AsyncImages#edits()}: the twin of {@link ImagesEndpoint}. Thread-safe. An interface, so that
 * code under test can be handed a fake.
 *
 * <p>Misuse throws at once, on the calling thread, before anything is sent, exactly as the
 * blocking call does. Everything that happens on the wire fails the returned future instead,
 * with the exception the blocking call would throw as the cause of the {@link
 * java.util.concurrent.ExecutionException} or {@link java.util.concurrent.CompletionException}.
 * Canceling the future cancels the HTTP call in flight and any retry.
 */
public interface AsyncImagesEndpoint {
  /**
   * Sends {@code request} and returns a future of the images, as {@link
   * ImagesEndpoint#create(ImageRequest)} does.
   *
   * @param request the request; it needs a model and a prompt, and for an edit a reference image
   * @return the images to come; the future fails with the {@link
   *     com.tchavi.errors.TchaviException} the blocking call would throw
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request has no model or no prompt, {@code n} is not
   *     1 to 4, or it is an edit without a reference image
   * @throws IllegalStateException if the client is closed
   */
  default CompletableFuture<ImageResponse> create(ImageRequest request) {
    return create(request, RequestOptions.NONE);
  }

  /**
   * Sends {@code request} with per-call {@code options} and returns a future of the images.
   *
   * @param request the request; it needs a model and a prompt, and for an edit a reference image
   * @param options per-call settings; {@link RequestOptions#NONE} for none
   * @return the images to come; the future fails with the {@link
   *     com.tchavi.errors.TchaviException} the blocking call would throw
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalArgumentException if the request has no model or no prompt, {@code n} is not
   *     1 to 4, or it is an edit without a reference image
   * @throws IllegalStateException if the client is closed
   */
  CompletableFuture<ImageResponse> create(ImageRequest request, RequestOptions options);
}
