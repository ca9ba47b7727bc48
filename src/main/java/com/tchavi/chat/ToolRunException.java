package com.tchavi.chat;

import com.tchavi.errors.TchaviException;
import java.util.List;

/**
 * A {@link ChatCompletions#runTools} run stopped before the model's final answer: it used up its
 * rounds, or a tool threw and the run was set to abort on tool errors. The conversation so far
 * comes with it, so that nothing the model or the tools said is lost.
 */
public class ToolRunException extends TchaviException {
  private static final long serialVersionUID = 1L;

  private final transient List<ChatMessage> messages;
  private final transient ToolCall toolCall;

  /**
   * Creates the exception.
   *
   * @param message what stopped the run
   * @param messages the conversation so far
   * @param toolCall the call whose tool threw, or null when the rounds ran out
   * @param cause what the tool threw, or null
   */
  public ToolRunException(String message, List<ChatMessage> messages, ToolCall toolCall,
      Throwable cause) {
    super(message, cause);
    this.messages = List.copyOf(messages);
    this.toolCall = toolCall;
  }

  /** {@return the conversation so far, the request's messages first} */
  public List<ChatMessage> messages() {
    return messages;
  }

  /** {@return the call whose tool threw, or null when the rounds ran out} */
  public ToolCall toolCall() {
    return toolCall;
  }
}
