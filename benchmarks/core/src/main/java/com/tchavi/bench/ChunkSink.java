package com.tchavi.bench;

/**
 * Receives what a {@link StreamClient} delivers, one {@code chunk} call per chunk. A chunk's text
 * is its first choice's {@code delta.content}; when that delta carries tool calls instead, the
 * {@code function.arguments} pieces of those tool calls, joined; "" when it has neither.
 */
public interface ChunkSink {
  /** Receives one chunk's text, of a chunk whose first choice has index 0 (or that has none). */
  void chunk(String text);

  /** Receives one chunk's text and the index of its first choice (0 when it has none). */
  default void chunk(int choice, String text) {
    chunk(text);
  }

  /** Receives the {@code total_tokens} of a chunk that carries a {@code usage} object. */
  default void usage(long totalTokens) {}

  /**
   * Receives, once the stream has ended, the arguments of the first choice's first tool call as
   * the client put them together; called only by a client that saw tool calls.
   */
  default void toolArguments(String arguments) {}
}
