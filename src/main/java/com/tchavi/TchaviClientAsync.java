package com.tchavi;

import com.tchavi.chat.AsyncChat;
import java.util.Objects;

/**
 * The asynchronous view of a {@link TchaviClient}: every call returns a {@link
 * java.util.concurrent.CompletableFuture} or a {@link java.util.concurrent.Flow.Publisher} and
 * never blocks the calling thread. Get it with {@link TchaviClient#async()}. It shares the
 * client's configuration, connection pool and OkHttp threads; closing the client closes it, and
 * it has no {@code close()} of its own. Thread-safe.
 *
 * <pre>{@code
 * TchaviClientAsync async = client.async();
 * async.chat().completions().create(request)
 *     .thenAccept(answer -> System.out.println(answer.text()));
 * }</pre>
 */
public final class TchaviClientAsync {
  private final AsyncChat chat;

  TchaviClientAsync(AsyncChat chat) {
    this.chat = Objects.requireNonNull(chat, "chat == null");
  }

  /** {@return the chat API: {@code async.chat().completions().create(request)}} */
  public AsyncChat chat() {
    return chat;
  }

  @Override
  public String toString() {
    return "TchaviClientAsync";
  }
}
