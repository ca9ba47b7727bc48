package com.tchavi.internal.chat;

import com.tchavi.RequestOptions;
import com.tchavi.chat.AsyncChat;
import com.tchavi.chat.AsyncChatCompletions;
import com.tchavi.chat.AsyncChatStream;
import com.tchavi.chat.ChatCompletion;
import com.tchavi.chat.ChatRequest;
import com.tchavi.internal.http.HttpExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The async twin of {@link RealChat}: the same body, validation, handler and executor, sent with
 * OkHttp's asynchronous calls; results complete on {@code callbacks}.
 */
public final class RealAsyncChat implements AsyncChat, AsyncChatCompletions {
  private final HttpExecutor executor;
  private final Executor callbacks;

  public RealAsyncChat(HttpExecutor executor, Executor callbacks) {
    this.executor = executor;
    this.callbacks = callbacks;
  }

  @Override
  public AsyncChatCompletions completions() {
    return this;
  }

  @Override
  public CompletableFuture<ChatCompletion> create(ChatRequest request, RequestOptions options) {
    byte[] body = RealChat.body(request, options, false);
    return executor.executeAsync(RealChat.post(request, body, options, false),
        RealChat.Completion.HANDLER, callbacks);
  }

  @Override
  public AsyncChatStream stream(ChatRequest request, RequestOptions options) {
    byte[] body = RealChat.body(request, options, true);
    return RealAsyncChatStream.open(executor.exchange(RealChat.post(request, body, options, true)),
        executor.dispatcher(), callbacks);
  }

  @Override
  public String toString() {
    return "AsyncChatCompletions";
  }
}
