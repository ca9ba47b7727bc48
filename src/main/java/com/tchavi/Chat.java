package com.tchavi;

/** The chat API: {@code client.chat().completions()}. Thread-safe. */
public final class Chat {
  private final ChatCompletions completions;

  Chat(ChatCompletions completions) {
    this.completions = completions;
  }

  /** Returns the chat completions endpoint. */
  public ChatCompletions completions() {
    return completions;
  }
}
