package com.tchavi.chat;

/**
 * The chat API without blocking: {@code client.async().chat().completions()}. The twin of {@link
 * Chat}. Thread-safe. An interface, so that code under test can be handed a fake.
 */
public interface AsyncChat {
  /** {@return the asynchronous chat completions endpoint} */
  AsyncChatCompletions completions();
}
