package com.tchavi.chat;

import com.tchavi.RequestOptions;

/**
 * {@code POST /chat/completions}: a full answer with {@link #create}, or one streamed token by
 * token with {@link #stream}. Thread-safe. An interface, so that code under test can be handed a
 * fake.
 *
 * <p>Every call checks its request before sending anything: a request without a model or without
 * messages throws {@link IllegalArgumentException}, a closed client {@link IllegalStateException}.
 */
public interface ChatCompletions {
  /**
   * Sends {@code request} and returns the whole answer once the model has finished.
   *
   * @param request the request; it needs a model and at least one message
   * @return the answer, with the HTTP response's {@link ChatCompletion#metadata()}
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request has no model or no messages
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when Tchavi answers with an
   *     error, also an error body inside a 2xx answer
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached, the
   *     connection breaks, or a timeout runs out
   * @throws com.tchavi.errors.TchaviException when the answer is not a chat completion
   */
  default ChatCompletion create(ChatRequest request) {
    return create(request, RequestOptions.NONE);
  }

  /**
   * Sends {@code request} with per-call {@code options} and returns the whole answer.
   *
   * @param request the request; it needs a model and at least one message
   * @param options per-call settings; {@link RequestOptions#NONE} for none
   * @return the answer, with the HTTP response's {@link ChatCompletion#metadata()}
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalArgumentException if the request has no model or no messages
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when Tchavi answers with an
   *     error, also an error body inside a 2xx answer
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached, the
   *     connection breaks, or a timeout runs out
   * @throws com.tchavi.errors.TchaviException when the answer is not a chat completion
   */
  ChatCompletion create(ChatRequest request, RequestOptions options);

  /**
   * Sends {@code request} with {@code "stream": true} and returns the answer as it is generated,
   * once a 2xx answer has begun. Close the stream when done; try-with-resources does it for you.
   *
   * @param request the request; it needs a model and at least one message
   * @return the open stream, which the caller closes
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the request has no model or no messages
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when Tchavi answers with an
   *     error before the stream begins; later errors come from the stream's iterator
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached
   */
  default ChatStream stream(ChatRequest request) {
    return stream(request, RequestOptions.NONE);
  }

  /**
   * Sends {@code request} as a stream with per-call {@code options}; the stream's total
   * deadline, if any, is {@link RequestOptions#timeout()}.
   *
   * @param request the request; it needs a model and at least one message
   * @param options per-call settings; {@link RequestOptions#NONE} for none
   * @return the open stream, which the caller closes
   * @throws NullPointerException if {@code request} or {@code options} is null
   * @throws IllegalArgumentException if the request has no model or no messages
   * @throws IllegalStateException if the client is closed
   * @throws com.tchavi.errors.TchaviApiException (a subclass of it) when Tchavi answers with an
   *     error before the stream begins; later errors come from the stream's iterator
   * @throws com.tchavi.errors.TchaviConnectionException when Tchavi cannot be reached
   */
  ChatStream stream(ChatRequest request, RequestOptions options);
}
