package com.tchavi.audio;

import com.tchavi.BinaryResponse;
import com.tchavi.RequestOptions;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST audio/speech} without blocking: the twin of {@link Speech}. Thread-safe. An
 * interface, so that code under test can be handed a fake.
 *
 * <p>The future completes as soon as a 2xx answer has begun: its headers are in, and its body is
 * still on the wire, never buffered. The {@link BinaryResponse} then streams it with blocking
 * reads, as the blocking call's does: read it (or {@code writeTo} a file) on a thread that may
 * block, not in a callback on OkHttp's threads, and close it when done.
 *
 * <p>Misuse throws at once, on the calling thread, before anything is sent, exactly as the
 * blocking call does. Everything that happens on the wire before the body fails the returned
 * future instead, with the exception the blocking call would throw as the cause of the {@link
 * java.util.concurrent.ExecutionException} or {@link java.util.concurrent.CompletionException}.
 * Canceling the future cancels the HTTP call in flight and any retry.
 */
public interface AsyncSpeech {
  /**
   * Sends {@code request} and returns a future of the audio, as {@link
   * Speech#create(SpeechRequest)} does.
   *
   * @param request the request; it needs a model, an input and a voice
   * @return the audio to come, which completes once its headers arrived; the caller closes it.
   *     The future fails with the {@link com.tchavi.errors.TchaviException} the blocking call
   *     would throw
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request has no model, input or voice, its input is
   *     too long, or its speed is out of range
   * @throws IllegalStateException if the client is closed
   */
  default CompletableFuture<BinaryResponse> create(SpeechRequest request) {
    return create(request, RequestOptions.NONE);
  }

  /**
   * Sends {@code request} with per-call {@code options} and returns a future of the audio. A
   * {@link RequestOptions#timeout()} bounds the whole download, as for the blocking call.
   *
   * @param request the request; it needs a model, an input and a voice
   * @param options per-call settings; {@link RequestOptions#NONE} for none
   * @return the audio to come, which completes once its headers arrived; the caller closes it.
   *     The future fails with the {@link com.tchavi.errors.TchaviException} the blocking call
   *     would throw
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalArgumentException if the request has no model, input or voice, its input is
   *     too long, or its speed is out of range
   * @throws IllegalStateException if the client is closed
   */
  CompletableFuture<BinaryResponse> create(SpeechRequest request, RequestOptions options);
}
