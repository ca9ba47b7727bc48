package com.tchavi.chat;

import com.tchavi.RequestOptions;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /chat/completions} without blocking: the twin of {@link ChatCompletions}, with the
 * same requests, rules, retries and exceptions. Thread-safe.
 *
 * <p>Misuse throws at once, on the calling thread, before anything is sent, exactly as the
 * blocking call does: a null request ({@link NullPointerException}), a request without a model or
 * messages ({@link IllegalArgumentException}), a closed client ({@link IllegalStateException}).
 * Everything that happens on the wire instead fails the returned future (or stream) with the
 * exception the blocking call would throw, as the cause of the {@link
 * java.util.concurrent.ExecutionException} or {@link java.util.concurrent.CompletionException}.
 */
public interface AsyncChatCompletions {
  /**
   * Sends {@code request} and returns a future of the whole answer, as {@link
   * ChatCompletions#create(ChatRequest)} does. Canceling the future cancels the HTTP call in
   * flight and any retry.
   *
   * @param request the request; it needs a model and at least one message
   * @return the answer to come; it fails with the {@link com.tchavi.errors.TchaviException} the
   *     blocking call would throw
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request has no model or no messages
   * @throws IllegalStateException if the client is closed
   */
  default CompletableFuture<ChatCompletion> create(ChatRequest request) {
    return create(request, RequestOptions.NONE);
  }

  /**
   * Sends {@code request} with per-call {@code options} and returns a future of the whole answer.
   *
   * @param request the request; it needs a model and at least one message
   * @param options per-call settings; {@link RequestOptions#NONE} for none
   * @return the answer to come; it fails with the {@link com.tchavi.errors.TchaviException} the
   *     blocking call would throw
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalArgumentException if the request has no model or no messages
   * @throws IllegalStateException if the client is closed
   */
  CompletableFuture<ChatCompletion> create(ChatRequest request, RequestOptions options);

  /**
   * Sends {@code request} with {@code "stream": true} at once and returns the answer as a
   * publisher of its chunks. Subscribe to it, or {@link AsyncChatStream#cancel()} it: until then
   * the answer holds a connection.
   *
   * @param request the request; it needs a model and at least one message
   * @return the stream, which pushes chunks as its subscriber requests them
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request has no model or no messages
   * @throws IllegalStateException if the client is closed
   */
  default AsyncChatStream stream(ChatRequest request) {
    return stream(request, RequestOptions.NONE);
  }

  /**
   * Sends {@code request} as a stream with per-call {@code options}; the stream's total deadline,
   * if any, is {@link RequestOptions#timeout()}.
   *
   * @param request the request; it needs a model and at least one message
   * @param options per-call settings; {@link RequestOptions#NONE} for none
   * @return the stream, which pushes chunks as its subscriber requests them
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalArgumentException if the request has no model or no messages
   * @throws IllegalStateException if the client is closed
   */
  AsyncChatStream stream(ChatRequest request, RequestOptions options);
}
