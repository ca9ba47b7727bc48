package com.tchavi.chat;

/**
 * The chat API: {@code client.chat().completions()}. Thread-safe. An interface, so that code
 * under test can be handed a fake.
 */
public interface Chat {
  /** {@return the chat completions endpoint} */
  ChatCompletions completions();
}
