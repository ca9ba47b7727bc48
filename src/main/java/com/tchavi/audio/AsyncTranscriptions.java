package com.tchavi.audio;

import com.tchavi.RequestOptions;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST audio/transcriptions} without blocking: the twin of {@link Transcriptions}. The
 * file is streamed from its source by OkHttp's thread as the request is written; a file from a
 * path or bytes is sent again on a retry, one from a stream never is. Thread-safe. An interface,
 * so that code under test can be handed a fake.
 *
 * <p>Misuse throws at once, on the calling thread, before anything is sent, exactly as the
 * blocking call does. Everything that happens on the wire fails the returned future instead,
 * with the exception the blocking call would throw as the cause of the {@link
 * java.util.concurrent.ExecutionException} or {@link java.util.concurrent.CompletionException}.
 * Canceling the future cancels the HTTP call in flight and any retry.
 */
public interface AsyncTranscriptions {
  /**
   * Sends {@code request} and returns a future of the transcription, as {@link
   * Transcriptions#create(TranscriptionRequest)} does.
   *
   * @param request the request; it needs a model and a file
   * @return the transcription to come; the future fails with the {@link
   *     com.tchavi.errors.TchaviException} the blocking call would throw
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request has no model or no file, its file is over 25
   *     MB or cannot be read, or its temperature is out of range
   * @throws IllegalStateException if the client is closed
   */
  default CompletableFuture<Transcription> create(TranscriptionRequest request) {
    return create(request, RequestOptions.NONE);
  }

  /**
   * Sends {@code request} with per-call {@code options} and returns a future of the
   * transcription.
   *
   * @param request the request; it needs a model and a file
   * @param options per-call settings; {@link RequestOptions#NONE} for none
   * @return the transcription to come; the future fails with the {@link
   *     com.tchavi.errors.TchaviException} the blocking call would throw
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalArgumentException if the request has no model or no file, its file is over 25
   *     MB or cannot be read, or its temperature is out of range
   * @throws IllegalStateException if the client is closed
   */
  CompletableFuture<Transcription> create(TranscriptionRequest request, RequestOptions options);
}
