package com.tchavi.audio;

import com.tchavi.BinaryResponse;
import com.tchavi.RequestOptions;

/**
 * {@code POST audio/speech}: text to speech. The audio comes back as a {@link BinaryResponse},
 * streamed as it arrives; close it when done. Thread-safe. An interface, so that code under test
 * can be handed a fake.
 *
 * <p>Every call checks its request before sending anything: a request without a model, input or
 * voice, with more than {@value SpeechRequest#MAX_INPUT} characters of input, or a speed outside
 * 0.25 to 4.0 throws {@link IllegalArgumentException}; a closed client {@link
 * IllegalStateException}.
 */
public interface Speech {
  /**
   * Sends {@code request} and returns the audio once a 2xx answer has begun.
   *
   * @param request the request; it needs a model, an input and a voice
   * @return the audio, streamed, with the HTTP response's {@link BinaryResponse#metadata()};
   *     the caller closes it
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request has no model, input or voice, its input is
   *     too long, or its speed is out of range
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when Tchavi answers with an
   *     error, also a JSON error body inside a 2xx answer
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached
   */
  default BinaryResponse create(SpeechRequest request) {
    return create(request, RequestOptions.NONE);
  }

  /**
   * Sends {@code request} with per-call {@code options} and returns the audio once a 2xx answer
   * has begun. A {@link RequestOptions#timeout()} bounds the whole download; there is none by
   * default, since a long text makes a large file.
   *
   * @param request the request; it needs a model, an input and a voice
   * @param options per-call settings; {@link RequestOptions#NONE} for none
   * @return the audio, streamed, with the HTTP response's {@link BinaryResponse#metadata()};
   *     the caller closes it
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalArgumentException if the request has no model, input or voice, its input is
   *     too long, or its speed is out of range
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when Tchavi answers with an
   *     error, also a JSON error body inside a 2xx answer
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached
   */
  BinaryResponse create(SpeechRequest request, RequestOptions options);
}
