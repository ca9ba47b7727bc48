package com.tchavi.chat;

import com.tchavi.RequestOptions;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

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

  /**
   * Runs the tool loop without blocking and returns a future of the model's final answer, as
   * {@link ChatCompletions#runTools(ChatRequest, List)} does. Each round is sent when the previous
   * answer arrived; the tools run on the callback executor, so a tool should not block for long.
   *
   * @param request the conversation so far, and the model's settings
   * @param tools the tools the model may call
   * @return the final answer to come; it fails with {@link ToolRunException} if the model still
   *     calls tools after 10 rounds, or with what {@link #create(ChatRequest)} fails with
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if two tools share a name
   */
  default CompletableFuture<ChatCompletion> runTools(ChatRequest request,
      List<? extends ChatTool<?>> tools) {
    return runTools(request, tools, ToolRunOptions.DEFAULTS).thenApply(ToolRun::completion);
  }

  /**
   * Runs the tool loop with {@code options} without blocking, as {@link
   * ChatCompletions#runTools(ChatRequest, List, ToolRunOptions)} does, and returns a future of
   * the final answer with the whole conversation.
   *
   * @param request the conversation so far, and the model's settings
   * @param tools the tools the model may call; their names must differ
   * @param options the rounds allowed, what a failing tool becomes, the options of each call
   * @return the final answer and the conversation to come; it fails with {@link
   *     ToolRunException} if the rounds run out or a tool throws and the options say abort
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if two tools share a name
   */
  default CompletableFuture<ToolRun> runTools(ChatRequest request,
      List<? extends ChatTool<?>> tools, ToolRunOptions options) {
    Objects.requireNonNull(options, "options == null");
    return ToolRunner.runAsync(r -> create(r, options.requestOptions()), request, tools, options);
  }

  /**
   * Runs the tool loop as {@link #runTools(ChatRequest, List, ToolRunOptions)} does, streaming
   * each round: {@code onChunk} sees every chunk of every round as it arrives.
   *
   * @param request the conversation so far, and the model's settings
   * @param tools the tools the model may call; their names must differ
   * @param options the rounds allowed, what a failing tool becomes, the options of each call
   * @param onChunk called with each chunk, on the callback executor
   * @return the final answer and the conversation to come
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if two tools share a name
   */
  default CompletableFuture<ToolRun> runToolsStreaming(ChatRequest request,
      List<? extends ChatTool<?>> tools, ToolRunOptions options,
      Consumer<? super ChatChunk> onChunk) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(onChunk, "onChunk == null");
    return ToolRunner.runAsync(r -> stream(r, options.requestOptions()).subscribe(onChunk),
        request, tools, options);
  }
}
