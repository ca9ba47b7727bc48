package com.tchavi.chat;

import java.util.List;

/**
 * The end of a {@link ChatCompletions#runTools} run: the model's final answer, and the whole
 * conversation that led to it, ready for the next turn.
 *
 * @param completion the final answer, which calls no tool
 * @param messages the conversation: the request's messages, then each assistant turn and tool
 *     result, then the final assistant message
 * @param rounds how many calls to the model it took
 */
public record ToolRun(ChatCompletion completion, List<ChatMessage> messages, int rounds) {
  /**
   * Copies {@code messages}, so the record stays immutable.
   *
   * @param completion the final answer
   * @param messages the conversation
   * @param rounds how many calls to the model it took
   */
  public ToolRun {
    messages = List.copyOf(messages);
  }
}
