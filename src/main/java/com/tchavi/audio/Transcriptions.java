package com.tchavi.audio;

import com.tchavi.RequestOptions;

/**
 * {@code POST audio/transcriptions}: speech to text, the audio sent as {@code
 * multipart/form-data} and streamed from its source. Thread-safe. An interface, so that code
 * under test can be handed a fake.
 *
 * <p>Every call checks its request before sending anything: a request without a model or a file,
 * a file of known size over 25 MB or a path that cannot be read, or a temperature outside 0 to 1
 * throws {@link IllegalArgumentException}; a closed client {@link IllegalStateException}. A file
 * from a path or bytes is sent again on a retry; one from a stream never is.
 */
public interface Transcriptions {
  /**
   * Sends {@code request} and returns the transcription.
   *
   * @param request the request; it needs a model and a file
   * @return the transcription, with the HTTP response's {@link Transcription#metadata()} and
   *     the {@link Transcription#format()} its body was read as
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request has no model or no file, its file is over 25
   *     MB or cannot be read, or its temperature is out of range
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when Tchavi answers with an
   *     error, also an error body inside a 2xx answer
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached, the
   *     connection breaks, the file cannot be read while sending (a stream read by an earlier
   *     call, say), or a timeout runs out
   * @throws com.tchavi.errors.TchaviException when a JSON answer is not a transcription
   */
  default Transcription create(TranscriptionRequest request) {
    return create(request, RequestOptions.NONE);
  }

  /**
   * Sends {@code request} with per-call {@code options} and returns the transcription.
   *
   * @param request the request; it needs a model and a file
   * @param options per-call settings; {@link RequestOptions#NONE} for none
   * @return the transcription, with the HTTP response's {@link Transcription#metadata()} and
   *     the {@link Transcription#format()} its body was read as
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalArgumentException if the request has no model or no file, its file is over 25
   *     MB or cannot be read, or its temperature is out of range
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when Tchavi answers with an
   *     error, also an error body inside a 2xx answer
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached, the
   *     connection breaks, the file cannot be read while sending (a stream read by an earlier
   *     call, say), or a timeout runs out
   * @throws com.tchavi.errors.TchaviException when a JSON answer is not a transcription
   */
  Transcription create(TranscriptionRequest request, RequestOptions options);
}
