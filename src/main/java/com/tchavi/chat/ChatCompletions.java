package com.tchavi.chat;

import com.tchavi.RequestOptions;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

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

  /**
   * Runs the tool loop and returns the model's final answer: sends {@code request} with the
   * tools offered, runs every tool the model calls (in the order it gave them), sends the results
   * back, and repeats until the model answers without calling a tool. See {@link
   * #runTools(ChatRequest, List, ToolRunOptions)}.
   *
   * @param request the conversation so far, and the model's settings
   * @param tools the tools the model may call
   * @return the final answer
   * @throws ToolRunException if the model still calls tools after 10 rounds; it carries the
   *     conversation so far
   * @throws com.tchavi.errors.TchaviException as {@link #create(ChatRequest)} does
   */
  default ChatCompletion runTools(ChatRequest request, List<? extends ChatTool<?>> tools) {
    return runTools(request, tools, ToolRunOptions.DEFAULTS).completion();
  }

  /**
   * Runs the tool loop with {@code options} and returns the final answer with the whole
   * conversation, ready for the next turn. A call of a tool that is not in {@code tools} is
   * answered with an error result, as is (unless {@link ToolRunOptions#abortOnToolError()}) a
   * tool that throws: the model sees {@code {"error": "..."}} and may recover. The tools'
   * definitions are added to the request's own tools.
   *
   * @param request the conversation so far, and the model's settings
   * @param tools the tools the model may call; their names must differ
   * @param options the rounds allowed, what a failing tool becomes, the options of each call
   * @return the final answer and the conversation
   * @throws ToolRunException if the rounds run out, or a tool throws and the options say abort
   * @throws IllegalArgumentException if two tools share a name
   * @throws com.tchavi.errors.TchaviException as {@link #create(ChatRequest)} does
   */
  default ToolRun runTools(ChatRequest request, List<? extends ChatTool<?>> tools,
      ToolRunOptions options) {
    Objects.requireNonNull(options, "options == null");
    return ToolRunner.run(r -> create(r, options.requestOptions()), request, tools, options);
  }

  /**
   * Runs the tool loop as {@link #runTools(ChatRequest, List, ToolRunOptions)} does, streaming
   * each round: {@code onChunk} sees every chunk of every round as it arrives.
   *
   * @param request the conversation so far, and the model's settings
   * @param tools the tools the model may call; their names must differ
   * @param options the rounds allowed, what a failing tool becomes, the options of each call
   * @param onChunk called with each chunk, on the calling thread
   * @return the final answer and the conversation
   * @throws ToolRunException if the rounds run out, or a tool throws and the options say abort
   * @throws com.tchavi.errors.TchaviException as {@link #stream(ChatRequest)} and its iterator do
   */
  default ToolRun runToolsStreaming(ChatRequest request, List<? extends ChatTool<?>> tools,
      ToolRunOptions options, Consumer<? super ChatChunk> onChunk) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(onChunk, "onChunk == null");
    return ToolRunner.run(r -> {
      try (ChatStream stream = stream(r, options.requestOptions())) {
        for (ChatChunk chunk : stream) onChunk.accept(chunk);
        return stream.completion();
      }
    }, request, tools, options);
  }
}
