package com.tchavi.images;

import com.tchavi.RequestOptions;

/**
 * One images endpoint, {@link Images#generations()} or {@link Images#edits()}: sends an {@link
 * ImageRequest} and returns the images once they are made. Thread-safe. An interface, so that
 * code under test can be handed a fake.
 *
 * <p>Every call checks its request before sending anything: a request without a model or a
 * prompt, with {@code n} outside 1 to 4, or an edit without a reference image throws {@link
 * IllegalArgumentException}; a closed client {@link IllegalStateException}.
 */
public interface ImagesEndpoint {
  /**
   * Sends {@code request} and returns the images.
   *
   * @param request the request; it needs a model and a prompt, and for an edit a reference image
   * @return the images, with the HTTP response's {@link ImageResponse#metadata()}
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request has no model or no prompt, {@code n} is not
   *     1 to 4, or it is an edit without a reference image
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when Tchavi answers with an
   *     error, also an error body inside a 2xx answer
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached, the
   *     connection breaks, or a timeout runs out
   * @throws com.tchavi.errors.TchaviException when the answer is not an image response
   */
  default ImageResponse create(ImageRequest request) {
    return create(request, RequestOptions.NONE);
  }

  /**
   * Sends {@code request} with per-call {@code options} and returns the images.
   *
   * @param request the request; it needs a model and a prompt, and for an edit a reference image
   * @param options per-call settings; {@link RequestOptions#NONE} for none
   * @return the images, with the HTTP response's {@link ImageResponse#metadata()}
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalArgumentException if the request has no model or no prompt, {@code n} is not
   *     1 to 4, or it is an edit without a reference image
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when Tchavi answers with an
   *     error, also an error body inside a 2xx answer
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached, the
   *     connection breaks, or a timeout runs out
   * @throws com.tchavi.errors.TchaviException when the answer is not an image response
   */
  ImageResponse create(ImageRequest request, RequestOptions options);
}
