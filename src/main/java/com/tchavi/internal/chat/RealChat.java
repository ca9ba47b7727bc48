package com.tchavi.internal.chat;

import com.tchavi.RequestOptions;
import com.tchavi.chat.Chat;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatCompletions;
import com.tchavi.chat.ChatRequest;
import com.tchavi.chat.ChatStream;
import com.tchavi.internal.http.ApiRequest;
import com.tchavi.internal.http.HttpExecutor;
import com.tchavi.internal.http.JsonBodies;
import com.tchavi.internal.http.ResponseHandler;
import java.io.UncheckedIOException;
import java.util.Objects;

/** The chat endpoints on the executor: {@code POST /chat/completions}, full or streamed. */
public final class RealChat implements Chat, ChatCompletions {
  static final String PATH = "chat/completions";

  /** Made on the first full answer: a program that only streams never loads its classes. */
  static final class Completion {
    static final ResponseHandler<ChatCompletion> HANDLER =
        JsonBodies.of(ChatCompletion.class, "a chat completion", CompletionParser::parse)
            .reporting(ChatReports::completion);

    private Completion() {
    }
  }

  private final HttpExecutor executor;

  public RealChat(HttpExecutor executor) {
    this.executor = executor;
  }

  @Override
  public ChatCompletions completions() {
    return this;
  }

  @Override
  public ChatCompletion create(ChatRequest request, RequestOptions options) {
    byte[] body = body(request, options, false);
    return executor.execute(post(request, body, options, false), Completion.HANDLER);
  }

  @Override
  public ChatStream stream(ChatRequest request, RequestOptions options) {
    byte[] body = body(request, options, true);
    return RealChatStream.open(executor.exchange(post(request, body, options, true)));
  }

  /** Returns the POST of {@code body}: a stream's accepts events; listeners see its label. */
  static ApiRequest post(ChatRequest request, byte[] body, RequestOptions options,
      boolean stream) {
    ApiRequest post = ApiRequest.postJson(PATH, body, options)
        .labeled(ChatReports.label(request, stream));
    return stream ? post.longLived("text/event-stream") : post;
  }

  static byte[] body(ChatRequest request, RequestOptions options, boolean stream) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(options, "options == null");
    if (request.model() == null || request.model().isBlank()) {
      throw new IllegalArgumentException("ChatRequest has no model: set model(\"gpt-4o-mini\")");
    }
    if (request.messages().isEmpty()) {
      throw new IllegalArgumentException("ChatRequest has no messages: add at least one");
    }
    try {
      return RequestWriter.chatBody(request, stream);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new IllegalArgumentException("ChatRequest cannot be written as JSON: "
          + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "ChatCompletions";
  }
}
